package com.bookstore.purchase.delivery;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relays outbox events: a captured payment creates its delivery. Each event is handled and marked done in one
 * transaction, rows taken with SKIP LOCKED so instances share the work; the consumer is idempotent as well, so a
 * relay that crashes mid-way (or two of them) still makes exactly one delivery. An order cancelled before its
 * event is relayed gets none.
 */
@Component
class OutboxRelay {

    private final JdbcTemplate jdbc;
    private final Deliveries deliveries;

    OutboxRelay(JdbcTemplate jdbc, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
    }

    @Scheduled(
            fixedDelayString = "${bookstore.purchase.outbox-interval:1s}",
            initialDelayString = "${bookstore.purchase.outbox-interval:1s}")
    @Transactional
    public void relay() {
        List<Event> events = jdbc.query(
                "SELECT o.id, o.order_id, r.status FROM outbox o JOIN orders r ON r.id = o.order_id "
                        + "WHERE o.processed_at IS NULL ORDER BY o.id LIMIT 20 FOR UPDATE SKIP LOCKED",
                (rs, row) -> new Event(rs.getLong("id"), rs.getString("order_id"), rs.getString("status")));
        for (Event event : events) {
            if ("PAID".equals(event.orderStatus())) {
                deliveries.create(event.orderId());
            }
            jdbc.update("UPDATE outbox SET processed_at = CURRENT_TIMESTAMP(6) WHERE id = ?", event.id());
        }
    }

    private record Event(long id, String orderId, String orderStatus) {}
}
