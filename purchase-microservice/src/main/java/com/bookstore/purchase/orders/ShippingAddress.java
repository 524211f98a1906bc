package com.bookstore.purchase.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where the books go. The country is an ISO 3166 alpha-2 code. */
public record ShippingAddress(
        @NotBlank(message = "Enter the recipient's name.") @Size(max = 120)
        String fullName,

        @NotBlank(message = "Enter the street and number.") @Size(max = 200)
        String line1,

        @Size(max = 200) String line2,

        @NotBlank(message = "Enter the city.") @Size(max = 100)
        String city,

        @NotBlank(message = "Enter the postal code.")
        @Pattern(regexp = "[A-Za-z0-9 -]{2,12}", message = "Enter a valid postal code.")
        String postalCode,

        @NotBlank(message = "Enter the country.")
        @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter country code, for example DE.")
        String country) {}
