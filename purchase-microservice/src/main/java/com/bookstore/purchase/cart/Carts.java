package com.bookstore.purchase.cart;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's cart, server side: a quantity per book (1 to 99). Showing it reads a replica (the consistency
 * token makes a change visible at once); checkout reads it on the writer, since it decides what is ordered.
 */
@Service
public class Carts {

    /** The most copies of one book a cart holds. */
    public static final int MAX_COPIES = 99;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Carts(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    @Transactional(readOnly = true)
    public List<CartLine> lines(long userId) {
        return read(userId, "");
    }

    /** The cart as it stands on the writer, for checkout. */
    @Transactional
    public List<CartLine> linesForCheckout(long userId) {
        return read(userId, "");
    }

    /**
     * The cart on the writer with its rows locked until the caller's transaction ends: one checkout of a cart at
     * a time (a double-clicked "Place order" waits here, then finds the cart taken).
     */
    @Transactional
    public List<CartLine> lockForCheckout(long userId) {
        return read(userId, " FOR UPDATE");
    }

    @Transactional
    public void setQuantity(long userId, long bookId, int quantity) {
        if (quantity == 0) {
            remove(userId, bookId);
            return;
        }
        jdbc.update(
                "INSERT INTO cart_items (user_id, book_id, quantity) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE quantity = ?",
                userId,
                bookId,
                quantity,
                quantity);
    }

    /** Adds copies to what the cart holds of a book (1 to 99 in all), in one statement on the writer. */
    @Transactional
    public void add(long userId, long bookId, int quantity) {
        int copies = Math.max(1, Math.min(MAX_COPIES, quantity));
        jdbc.update(
                "INSERT INTO cart_items (user_id, book_id, quantity) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE quantity = LEAST(?, quantity + ?)",
                userId,
                bookId,
                copies,
                MAX_COPIES,
                copies);
    }

    @Transactional
    public void remove(long userId, long bookId) {
        jdbc.update("DELETE FROM cart_items WHERE user_id = ? AND book_id = ?", userId, bookId);
    }

    /** Empties the ordered books from the cart, in the caller's transaction (the one that confirms the order). */
    @Transactional
    public void removeOrdered(long userId, Collection<Long> bookIds) {
        if (!bookIds.isEmpty()) {
            named.update(
                    "DELETE FROM cart_items WHERE user_id = :user AND book_id IN (:books)",
                    new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("user", userId)
                            .addValue("books", bookIds));
        }
    }

    private List<CartLine> read(long userId, String lock) {
        return jdbc.query(
                "SELECT book_id, quantity FROM cart_items WHERE user_id = ? ORDER BY added_at, book_id" + lock,
                (rs, row) -> new CartLine(rs.getLong("book_id"), rs.getInt("quantity")),
                userId);
    }

    public record CartLine(long bookId, int quantity) {}
}
