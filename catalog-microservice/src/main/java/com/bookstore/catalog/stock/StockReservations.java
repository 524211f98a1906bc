package com.bookstore.catalog.stock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves and releases stock for orders, on the writer, so that nothing is ever oversold:
 * <ul>
 *   <li>each book is taken with a conditional {@code UPDATE … SET stock = stock - q WHERE stock >= q}; the row lock
 *       it takes serialises buyers of the same book, and the condition means stock never goes below zero;
 *   <li>all books of an order or none: any shortage rolls the whole transaction back;
 *   <li>per order id exactly once: the reservation row is the idempotency record, so a repeated call returns the
 *       first result and a release restores stock only once.
 * </ul>
 * Books are taken in id order, so two orders sharing books cannot deadlock. A sale bumps the book's version, so a
 * staff edit loaded before it cannot overwrite the new stock.
 */
@Service
public class StockReservations {

    private final JdbcTemplate jdbc;

    StockReservations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Reservation reserve(String orderId, List<ReservationLine> requested) {
        Optional<Reservation> existing = find(orderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("INSERT INTO stock_reservations (order_id, status) VALUES (?, 'RESERVED')", orderId);
        } catch (DataIntegrityViolationException reservedConcurrently) {
            // The same order reserved at the same moment: ours waited on theirs and lost. Read what they made,
            // with a locking read, since this transaction's snapshot predates their commit.
            return read(orderId, " LOCK IN SHARE MODE").orElseThrow(() -> reservedConcurrently);
        }
        List<ReservationLine> lines = merged(requested);
        List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
        for (ReservationLine line : lines) {
            int taken = jdbc.update(
                    "UPDATE books SET stock = stock - ?, version = version + 1 WHERE id = ? AND stock >= ?",
                    line.quantity(),
                    line.bookId(),
                    line.quantity());
            if (taken == 0) {
                shortages.add(shortage(line));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(shortages);
        }
        for (ReservationLine line : lines) {
            jdbc.update(
                    "INSERT INTO stock_reservation_lines (order_id, book_id, quantity) VALUES (?, ?, ?)",
                    orderId,
                    line.bookId(),
                    line.quantity());
        }
        return new Reservation(orderId, Reservation.Status.RESERVED, lines);
    }

    @Transactional
    public Reservation release(String orderId) {
        int released = jdbc.update(
                "UPDATE stock_reservations SET status = 'RELEASED', released_at = CURRENT_TIMESTAMP(6) "
                        + "WHERE order_id = ? AND status = 'RESERVED'",
                orderId);
        if (released == 1) {
            List<ReservationLine> lines = lines(orderId);
            for (ReservationLine line : lines) {
                jdbc.update(
                        "UPDATE books SET stock = stock + ?, version = version + 1 WHERE id = ?",
                        line.quantity(),
                        line.bookId());
            }
            return new Reservation(orderId, Reservation.Status.RELEASED, lines);
        }
        return find(orderId).orElse(new Reservation(orderId, Reservation.Status.NOT_RESERVED, List.of()));
    }

    /** The reservation of an order as it stands on the writer. */
    @Transactional
    public Optional<Reservation> find(String orderId) {
        return read(orderId, "");
    }

    private Optional<Reservation> read(String orderId, String locking) {
        List<String> status = jdbc.queryForList(
                "SELECT status FROM stock_reservations WHERE order_id = ?" + locking, String.class, orderId);
        return status.stream()
                .findFirst()
                .map(s -> new Reservation(orderId, Reservation.Status.valueOf(s), lines(orderId, locking)));
    }

    private List<ReservationLine> lines(String orderId) {
        return lines(orderId, "");
    }

    private List<ReservationLine> lines(String orderId, String locking) {
        return jdbc.query(
                "SELECT book_id, quantity FROM stock_reservation_lines WHERE order_id = ? ORDER BY book_id" + locking,
                (rs, row) -> new ReservationLine(rs.getLong("book_id"), rs.getInt("quantity")),
                orderId);
    }

    private InsufficientStockException.Shortage shortage(ReservationLine line) {
        List<InsufficientStockException.Shortage> found = jdbc.query(
                "SELECT title, stock FROM books WHERE id = ?",
                (rs, row) -> new InsufficientStockException.Shortage(
                        line.bookId(), rs.getString("title"), line.quantity(), rs.getInt("stock")),
                line.bookId());
        return found.isEmpty()
                ? new InsufficientStockException.Shortage(
                        line.bookId(), "book " + line.bookId() + " (no longer sold)", line.quantity(), 0)
                : found.getFirst();
    }

    /** One line per book (quantities of repeated books added up), in id order. */
    static List<ReservationLine> merged(List<ReservationLine> requested) {
        Map<Long, Integer> byBook = new LinkedHashMap<>();
        requested.stream()
                .sorted(Comparator.comparing(ReservationLine::bookId))
                .forEach(line -> byBook.merge(line.bookId(), line.quantity(), Integer::sum));
        return byBook.entrySet().stream()
                .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
                .toList();
    }
}
