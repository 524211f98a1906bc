package com.bookstore.catalog.books;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** A book as the API and the pages show it. Money travels as a decimal string ("12.50") with its currency. */
public record BookView(
        Long id,
        String isbn,
        String title,
        String author,
        String description,
        String genre,
        int publishedYear,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        String currency,
        int stock,
        String coverUrl,
        long version,
        String series) {

    static String generatedCover(Long id, long version) {
        return "/covers/" + id + ".svg?v=" + version;
    }

    public boolean inStock() {
        return stock > 0;
    }

    /** "Only 3 left" is worth saying; "In stock" otherwise. */
    public boolean lowStock() {
        return stock > 0 && stock <= 5;
    }
}
