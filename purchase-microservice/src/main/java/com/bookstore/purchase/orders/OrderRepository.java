package com.bookstore.purchase.orders;

import com.bookstore.platform.web.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders and their lines, in the caller's transaction. A status moves only by a conditional update. */
@Repository
class OrderRepository {

    private static final String COLUMNS = "id, user_id, status, subtotal, shipping_cost, total, currency, "
            + "delivery_option, ship_full_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, "
            + "customer_email, created_at, expires_at";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        ShippingAddress address = order.shippingAddress();
        jdbc.sql("INSERT INTO orders (id, user_id, status, subtotal, shipping_cost, total, currency, delivery_option, "
                        + "ship_full_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, "
                        + "customer_email, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        order.id(),
                        order.userId(),
                        order.status().name(),
                        order.subtotal(),
                        order.shippingCost(),
                        order.total(),
                        order.currency(),
                        order.deliveryOption().name(),
                        address.fullName(),
                        address.line1(),
                        address.line2(),
                        address.city(),
                        address.postalCode(),
                        address.country(),
                        order.customerEmail(),
                        Timestamp.from(order.expiresAt()))
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("INSERT INTO order_lines (order_id, book_id, title, unit_price, quantity, line_total) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            order.id(),
                            line.bookId(),
                            line.title(),
                            line.unitPrice(),
                            line.quantity(),
                            line.lineTotal())
                    .update();
        }
    }

    Optional<Order> findById(String id) {
        return orders("WHERE id = ?", id).stream().findFirst();
    }

    /** The order if it is this customer's and not in the given (internal) status. */
    Optional<Order> findOwned(String id, long userId, OrderStatus hidden) {
        return orders("WHERE id = ? AND user_id = ? AND status <> ?", id, userId, hidden.name()).stream()
                .findFirst();
    }

    /** A customer's orders, newest first, but those in the given status. */
    PageResponse<Order> pageOfCustomer(long userId, OrderStatus hidden, int page, int size) {
        return page("WHERE user_id = ? AND status <> ?", page, size, userId, hidden.name());
    }

    PageResponse<Order> pageInStatus(OrderStatus status, int page, int size) {
        return page("WHERE status = ?", page, size, status.name());
    }

    PageResponse<Order> pageNotInStatus(OrderStatus hidden, int page, int size) {
        return page("WHERE status <> ?", page, size, hidden.name());
    }

    /** Moves an order only if it is still where the caller believes: 1 if it moved, 0 if not. */
    int transition(String id, OrderStatus from, OrderStatus to) {
        return jdbc.sql("UPDATE orders SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name())
                .update();
    }

    int markStockReleased(String id) {
        return jdbc.sql("UPDATE orders SET stock_released = TRUE WHERE id = ?")
                .param(id)
                .update();
    }

    List<String> idsReservingSince(long userId, Instant after) {
        return ids("user_id = ? AND status = 'RESERVING' AND created_at > ?", userId, Timestamp.from(after));
    }

    List<String> idsCreatedBefore(OrderStatus status, Instant before) {
        return ids("status = ? AND created_at < ?", status.name(), Timestamp.from(before));
    }

    List<String> idsExpiredAt(Instant now) {
        return ids("status = 'PENDING_PAYMENT' AND expires_at < ?", Timestamp.from(now));
    }

    List<String> idsWithStockToRelease() {
        return ids("status IN ('CANCELLED', 'EXPIRED') AND stock_released = FALSE");
    }

    /** Removes an order still reserving (its lines go with it: ON DELETE CASCADE). */
    int deleteReserving(String id) {
        return jdbc.sql("DELETE FROM orders WHERE id = ? AND status = 'RESERVING'")
                .param(id)
                .update();
    }

    private List<String> ids(String condition, Object... parameters) {
        return jdbc.sql("SELECT id FROM orders WHERE " + condition)
                .params(parameters)
                .query(String.class)
                .list();
    }

    private PageResponse<Order> page(String condition, int page, int size, Object... parameters) {
        long total = jdbc.sql("SELECT COUNT(*) FROM orders " + condition)
                .params(parameters)
                .query(Long.class)
                .single();
        List<Object> limited = new ArrayList<>(List.of(parameters));
        limited.add(size);
        limited.add((long) page * size);
        List<Order> items = orders(condition + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", limited.toArray());
        return PageResponse.of(items, page, size, total);
    }

    /** The orders a condition selects, in its order, each with its lines (one query for all their lines). */
    private List<Order> orders(String conditionAndOrder, Object... parameters) {
        List<Order> heads = jdbc.sql("SELECT " + COLUMNS + " FROM orders " + conditionAndOrder)
                .params(parameters)
                .query(OrderRepository::head)
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<String, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, book_id, title, unit_price, quantity, line_total FROM order_lines "
                        + "WHERE order_id IN (:ids) ORDER BY id")
                .param("ids", heads.stream().map(Order::id).toList())
                .query((rs, row) -> {
                    lines.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderLine(
                                    rs.getLong("book_id"),
                                    rs.getString("title"),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("line_total")));
                    return null;
                })
                .list();
        return heads.stream()
                .map(head -> head.withLines(lines.getOrDefault(head.id(), List.of())))
                .toList();
    }

    private static Order head(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getString("id"),
                rs.getLong("user_id"),
                OrderStatus.valueOf(rs.getString("status")),
                List.of(),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("shipping_cost"),
                rs.getBigDecimal("total"),
                rs.getString("currency"),
                DeliveryOption.valueOf(rs.getString("delivery_option")),
                new ShippingAddress(
                        rs.getString("ship_full_name"),
                        rs.getString("ship_line1"),
                        rs.getString("ship_line2"),
                        rs.getString("ship_city"),
                        rs.getString("ship_postal_code"),
                        rs.getString("ship_country")),
                rs.getString("customer_email"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
