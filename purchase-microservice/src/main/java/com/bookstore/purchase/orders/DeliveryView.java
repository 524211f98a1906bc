package com.bookstore.purchase.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where the parcel is, with every step it went through. */
public record DeliveryView(
        String status, String carrier, String trackingNumber, LocalDate estimatedDelivery, List<Event> events) {

    public record Event(String status, Instant at) {}
}
