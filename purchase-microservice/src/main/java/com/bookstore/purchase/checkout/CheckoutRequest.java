package com.bookstore.purchase.checkout;

import com.bookstore.purchase.orders.DeliveryOption;
import com.bookstore.purchase.orders.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What a customer gives at checkout: the address and how to deliver. Prices never come from the client. */
public record CheckoutRequest(
        @NotNull(message = "Enter the shipping address.") @Valid
        ShippingAddress shippingAddress,

        @NotNull(message = "Choose STANDARD or EXPRESS delivery.")
        DeliveryOption deliveryOption) {}
