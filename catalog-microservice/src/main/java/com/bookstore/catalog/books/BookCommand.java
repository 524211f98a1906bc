package com.bookstore.catalog.books;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.hibernate.validator.constraints.ISBN;

/** What staff send to create or replace a book. ISBN-13 with a valid check digit; price and stock never negative. */
public record BookCommand(
        @NotBlank(message = "Enter the ISBN.") @ISBN(type = ISBN.Type.ISBN_13, message = "Not a valid ISBN-13.")
        String isbn,

        @NotBlank(message = "Enter the title.") @Size(max = 300, message = "Use at most 300 characters.")
        String title,

        @NotBlank(message = "Enter the author.") @Size(max = 200, message = "Use at most 200 characters.")
        String author,

        @Size(max = 5000, message = "Use at most 5000 characters.")
        String description,

        @NotBlank(message = "Enter the genre.") @Size(max = 60, message = "Use at most 60 characters.")
        String genre,

        @NotNull(message = "Enter the year.")
        @Min(value = -3000, message = "Enter a real year.")
        @Max(value = 2100, message = "Enter a real year.")
        Integer publishedYear,

        @NotNull(message = "Enter the price.")
        @DecimalMin(value = "0.00", message = "The price cannot be negative.")
        @Digits(integer = 8, fraction = 2, message = "Use at most two decimals.")
        BigDecimal price,

        @Pattern(regexp = "[A-Z]{3}", message = "Use a three-letter currency code.")
        String currency,

        @NotNull(message = "Enter the stock.")
        @Min(value = 0, message = "Stock cannot be negative.")
        @Max(value = 1_000_000, message = "That is more than the warehouse holds.")
        Integer stock,

        @Size(max = 500) @Pattern(regexp = "(https://|/)\\S*", message = "Use an https:// address or a site path.")
        String coverUrl,

        @Size(max = 200, message = "Use at most 200 characters.")
        String series) {

    String normalizedIsbn() {
        return isbn.replaceAll("[\\s-]", "");
    }

    /** The series, or null when there is none (a blank one is none). */
    String seriesOrNull() {
        return series == null || series.isBlank() ? null : series.trim();
    }

    String currencyOrDefault() {
        return currency == null || currency.isBlank() ? "EUR" : currency;
    }
}
