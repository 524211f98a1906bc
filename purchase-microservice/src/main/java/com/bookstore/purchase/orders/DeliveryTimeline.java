package com.bookstore.purchase.orders;

/**
 * What an order needs of its delivery, kept by the package that owns the {@code deliveries} tables: the delivery
 * with its timeline as the order shows it, and dropping one not yet shipped when a paid order is cancelled.
 */
public interface DeliveryTimeline {

    /** The order's delivery, or null when it has none yet. */
    DeliveryView deliveryOf(String orderId);

    void cancelPreparing(String orderId);
}
