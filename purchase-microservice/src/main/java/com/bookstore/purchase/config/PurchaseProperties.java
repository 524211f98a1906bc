package com.bookstore.purchase.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the catalog is, how long a customer has to pay before the order expires and its stock goes back, how often
 * the sweeper and the outbox relay run, and how long the simulated carrier takes for each step of a delivery.
 */
@Validated
@ConfigurationProperties("bookstore.purchase")
public record PurchaseProperties(
        @NotNull(message = "set bookstore.purchase.catalog-url (for example http://127.0.0.1:9002)")
        URI catalogUrl,

        @DefaultValue("30m") Duration paymentWindow,
        @DefaultValue("2m") Duration abandonedCheckoutAfter,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("3s") Duration catalogTimeout,
        @DefaultValue("1s") Duration outboxInterval,
        @DefaultValue("2m") Duration carrierStep) {}
