package com.bookstore.purchase.orders;

/**
 * Where an order's changes post the e-mails they owe the customer, in the transaction of the change: the mail
 * package delivers them once that commits (an interface the orders package owns, so it depends on no mail code).
 */
public interface OrderMailbox {

    /** What an e-mail tells, one per order at most. */
    enum Kind {
        RECEIVED,
        PAID,
        SHIPPED,
        DELIVERED,
        CANCELLED
    }

    void post(String orderId, Kind kind);
}
