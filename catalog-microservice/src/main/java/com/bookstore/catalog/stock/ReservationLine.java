package com.bookstore.catalog.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** So many copies of one book for one order. */
public record ReservationLine(
        @NotNull Long bookId, @NotNull @Min(1) @Max(999) Integer quantity) {}
