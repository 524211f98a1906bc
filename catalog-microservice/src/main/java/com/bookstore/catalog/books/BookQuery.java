package com.bookstore.catalog.books;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A search of the catalog: words, filters, sort and page, as given in the query string. */
public record BookQuery(
        @Size(max = 200, message = "Use at most 200 characters.")
        String q,

        @Size(max = 60) String genre,
        @Size(max = 200) String author,

        @DecimalMin(value = "0", message = "The price cannot be negative.")
        @Digits(integer = 8, fraction = 2, message = "Use a price of at most 8 digits and 2 decimals.")
        BigDecimal minPrice,

        @DecimalMin(value = "0", message = "The price cannot be negative.")
        @Digits(integer = 8, fraction = 2, message = "Use a price of at most 8 digits and 2 decimals.")
        BigDecimal maxPrice,

        Boolean inStock,

        @Pattern(regexp = "relevance|title|price|-price|newest", message = "Sort by title, price, -price or newest.")
        String sort,

        @Min(value = 0, message = "Pages start at 0.") @Max(value = 100_000)
        Integer page,

        @Min(value = 1, message = "Ask for at least 1 item.") @Max(value = 100, message = "At most 100 per page.")
        Integer size) {

    public static final int DEFAULT_SIZE = 20;

    public static BookQuery firstPage(int size, String sort) {
        return new BookQuery(null, null, null, null, null, null, sort, 0, size);
    }

    @AssertTrue(message = "The lowest price must not be above the highest.")
    boolean isMinPrice() {
        return minPrice == null || maxPrice == null || minPrice.compareTo(maxPrice) <= 0;
    }

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    boolean hasText() {
        return q != null && !q.isBlank();
    }
}
