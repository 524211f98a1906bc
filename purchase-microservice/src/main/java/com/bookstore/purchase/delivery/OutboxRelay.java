package com.bookstore.purchase.delivery;

import com.bookstore.platform.web.DatabaseUnavailable;
import com.bookstore.platform.web.WriterUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays outbox events: a captured payment creates its delivery. Each event is handled and marked done in one
 * transaction, rows taken with SKIP LOCKED so instances share the work; the consumer is idempotent as well, so a
 * relay that crashes mid-way (or two of them) still makes exactly one delivery. An order cancelled before its
 * event is relayed gets none. While the database's writer is away (the shop is read-only), it says so once and
 * tries again every interval, and says once when it relays again — not a stack trace a second.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final Deliveries deliveries;
    private final TransactionTemplate transaction;
    private boolean waitingForWriter;

    OutboxRelay(JdbcTemplate jdbc, Deliveries deliveries, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(
            fixedDelayString = "${bookstore.purchase.outbox-interval:1s}",
            initialDelayString = "${bookstore.purchase.outbox-interval:1s}")
    public void tick() {
        try {
            transaction.executeWithoutResult(status -> relay());
            if (waitingForWriter) {
                log.info("The outbox is relayed again: the database's writer is back");
                waitingForWriter = false;
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) && !WriterUnavailableException.isCause(e)) {
                throw e;
            }
            if (!waitingForWriter) {
                log.warn(
                        "The outbox waits for the database's writer (deliveries start when it is back): {}",
                        e.getMessage());
                waitingForWriter = true;
            }
        }
    }

    /** One batch, in the caller's transaction. */
    void relay() {
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
