package com.bookstore.purchase.payment;

import com.bookstore.purchase.orders.OrderView;

/**
 * What became of a payment attempt, in the store's terms; the web layer turns it into JSON or a page. A repeat with
 * the same {@code Idempotency-Key} gets the same outcome as the first attempt.
 */
public sealed interface PaymentOutcome {

    /** The order is paid; as it stood when it was paid. */
    record Paid(OrderView order) implements PaymentOutcome {}

    /** Nothing was charged, and why, in words for the customer. */
    record Refused(Refusal refusal, String detail) implements PaymentOutcome {}

    enum Refusal {
        /** The customer has no such order. */
        NO_SUCH_ORDER,
        /** The order is not waiting for payment (paid, cancelled, expired …). */
        NOT_PAYABLE,
        /** The card processor declined the card; the order stays payable with another attempt. */
        DECLINED,
        /** The key was used for a different request. */
        KEY_REUSED,
        /** The first request with this key is still being decided. */
        IN_PROGRESS
    }
}
