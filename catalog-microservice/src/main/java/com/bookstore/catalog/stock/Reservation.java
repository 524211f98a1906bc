package com.bookstore.catalog.stock;

import java.util.List;

/** The state of an order's reservation, as the purchase service sees it. */
public record Reservation(String orderId, Status status, List<ReservationLine> items) {

    public enum Status {
        RESERVED,
        RELEASED,
        NOT_RESERVED
    }
}
