package com.bookstore.purchase.payment;

import com.bookstore.platform.jdbc.Timestamps;
import com.bookstore.purchase.orders.PaymentLedger;
import com.bookstore.purchase.orders.PaymentView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code payments} table: one captured payment per paid order, refunded when the order is cancelled. */
@Repository
class PaymentRecords implements PaymentLedger {

    private final JdbcTemplate jdbc;

    PaymentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the captured payment of an order, for the order's total, in the caller's transaction. */
    @Transactional
    void capture(String orderId, String paymentId, String brand, String last4) {
        jdbc.update(
                "INSERT INTO payments (order_id, id, amount, currency, brand, last4, status) "
                        + "SELECT id, ?, total, currency, ?, ?, 'CAPTURED' FROM orders WHERE id = ?",
                paymentId,
                brand,
                last4,
                orderId);
    }

    @Override
    @Transactional
    public void refund(String orderId) {
        jdbc.update(
                "UPDATE payments SET status = 'REFUNDED', refunded_at = CURRENT_TIMESTAMP(6) "
                        + "WHERE order_id = ? AND status = 'CAPTURED'",
                orderId);
    }

    @Override
    @Transactional(readOnly = true)
    public PaymentView paymentOf(String orderId) {
        return jdbc
                .query(
                        "SELECT id, amount, currency, brand, last4, status, captured_at, refunded_at "
                                + "FROM payments WHERE order_id = ?",
                        (rs, row) -> new PaymentView(
                                rs.getString("id"),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"),
                                rs.getString("brand"),
                                rs.getString("last4"),
                                rs.getString("status"),
                                rs.getTimestamp("captured_at").toInstant(),
                                Timestamps.instant(rs.getTimestamp("refunded_at"))),
                        orderId)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
