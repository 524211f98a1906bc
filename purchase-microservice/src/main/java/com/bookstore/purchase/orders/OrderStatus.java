package com.bookstore.purchase.orders;

/** Where an order stands. RESERVING is internal (checkout in progress) and never shown to anyone. */
public enum OrderStatus {
    RESERVING,
    PENDING_PAYMENT,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    EXPIRED
}
