package com.bookstore.purchase.payment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A card as the customer types it. It is checked and charged, never stored or logged: only brand and last 4. */
public record CardDetails(
        @NotBlank(message = "Enter the card number.")
        @Pattern(regexp = "[0-9 ]{12,23}", message = "Enter the card number as digits.")
        String cardNumber,

        @NotNull(message = "Enter the expiry month.")
        @Min(value = 1, message = "Use a month from 1 to 12.")
        @Max(value = 12, message = "Use a month from 1 to 12.")
        Integer expiryMonth,

        @NotNull(message = "Enter the expiry year.")
        @Min(value = 2000, message = "Enter the year with four digits.")
        @Max(value = 2100, message = "Enter the year with four digits.")
        Integer expiryYear,

        @NotBlank(message = "Enter the security code.") @Pattern(regexp = "\\d{3,4}", message = "Use 3 or 4 digits.")
        String cvc,

        @NotBlank(message = "Enter the name on the card.") @Size(max = 100)
        String cardholderName) {

    String digits() {
        return cardNumber.replace(" ", "");
    }

    /** Everything but the card data itself, for the fingerprint of an idempotent request. */
    @Override
    public String toString() {
        return "CardDetails[****" + (digits().length() >= 4 ? digits().substring(digits().length() - 4) : "") + "]";
    }
}
