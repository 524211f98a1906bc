package com.bookstore.purchase.orders;

/**
 * What an order needs of its payment, kept by the package that owns the {@code payments} table: the payment as
 * the order shows it, and its refund when a paid order is cancelled (in the cancelling transaction).
 */
public interface PaymentLedger {

    /** The order's payment, or null when it has none. */
    PaymentView paymentOf(String orderId);

    void refund(String orderId);
}
