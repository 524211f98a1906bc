package com.bookstore.catalog.stock;

import com.bookstore.platform.web.StateConflictException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Some books of an order do not have the copies asked for; nothing was reserved. Names each of them. */
public class InsufficientStockException extends StateConflictException {

    InsufficientStockException(List<Shortage> shortages) {
        super(
                "Not enough stock for: "
                        + shortages.stream().map(Shortage::title).collect(Collectors.joining(", ")) + ".",
                Map.of("unavailable", shortages));
    }

    /** One book that cannot be served: what was asked and what is there. */
    public record Shortage(long bookId, String title, int requested, int available) {}
}
