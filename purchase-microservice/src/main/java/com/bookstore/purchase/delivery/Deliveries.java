package com.bookstore.purchase.delivery;

import com.bookstore.purchase.orders.DeliveryOption;
import com.bookstore.purchase.orders.DeliveryTimeline;
import com.bookstore.purchase.orders.DeliveryView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries and their timeline, and the outbox that asks for them. Creating one is idempotent (one per order,
 * whatever the relay repeats), and every step is a conditional update that records an event only when it moved.
 */
@Service
public class Deliveries implements DeliveryTimeline {

    public enum Step {
        PREPARING,
        SHIPPED,
        IN_TRANSIT,
        DELIVERED
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Asks for the delivery of a just-paid order, in the paying transaction: the outbox relay creates it after the
     * commit, exactly once.
     */
    @Transactional
    public void request(String orderId) {
        jdbc.update("INSERT INTO outbox (event_type, order_id) VALUES ('PAYMENT_CAPTURED', ?)", orderId);
    }

    @Override
    @Transactional
    public void cancelPreparing(String orderId) {
        jdbc.update("DELETE FROM deliveries WHERE order_id = ? AND status = 'PREPARING'", orderId);
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryView deliveryOf(String orderId) {
        List<DeliveryView.Event> events = jdbc.query(
                "SELECT status, at FROM delivery_events WHERE order_id = ? ORDER BY at, id",
                (rs, row) -> new DeliveryView.Event(
                        rs.getString("status"), rs.getTimestamp("at").toInstant()),
                orderId);
        return jdbc
                .query(
                        "SELECT status, carrier, tracking_number, estimated_delivery FROM deliveries WHERE order_id = ?",
                        (rs, row) -> new DeliveryView(
                                rs.getString("status"),
                                rs.getString("carrier"),
                                rs.getString("tracking_number"),
                                rs.getDate("estimated_delivery").toLocalDate(),
                                events),
                        orderId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Creates the delivery of a paid order once; false when it already existed. */
    @Transactional
    public boolean create(String orderId) {
        List<DeliveryOption> option = jdbc.query(
                "SELECT delivery_option FROM orders WHERE id = ?",
                (rs, row) -> DeliveryOption.valueOf(rs.getString("delivery_option")),
                orderId);
        if (option.isEmpty()) {
            return false;
        }
        DeliveryOption how = option.getFirst();
        LocalDate estimate = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(how.estimatedDays());
        try {
            jdbc.update(
                    "INSERT INTO deliveries (order_id, status, carrier, tracking_number, estimated_delivery) "
                            + "VALUES (?, 'PREPARING', ?, ?, ?)",
                    orderId,
                    how.carrier(),
                    trackingNumber(how),
                    estimate);
        } catch (DataIntegrityViolationException alreadyThere) {
            return false;
        }
        jdbc.update("INSERT INTO delivery_events (order_id, status) VALUES (?, 'PREPARING')", orderId);
        return true;
    }

    @Transactional
    public boolean advance(String orderId, Step from, Step to) {
        int moved = jdbc.update(
                "UPDATE deliveries SET status = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE order_id = ? AND status = ?",
                to.name(),
                orderId,
                from.name());
        if (moved == 1) {
            jdbc.update("INSERT INTO delivery_events (order_id, status) VALUES (?, ?)", orderId, to.name());
        }
        return moved == 1;
    }

    /** Deliveries that have stayed in a step for at least {@code seconds}. */
    @Transactional
    public List<String> waitingSince(Step step, long seconds) {
        return jdbc.queryForList(
                "SELECT order_id FROM deliveries WHERE status = ? "
                        + "AND updated_at <= CURRENT_TIMESTAMP(6) - INTERVAL ? SECOND ORDER BY updated_at LIMIT 50",
                String.class,
                step.name(),
                seconds);
    }

    private static String trackingNumber(DeliveryOption how) {
        String prefix = how == DeliveryOption.EXPRESS ? "SCX" : "PW";
        return prefix + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }
}
