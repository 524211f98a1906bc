package com.bookstore.purchase.orders;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/** The payment of an order: amount, card brand and last four digits, and a refund if there was one. */
public record PaymentView(
        String id,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String brand,
        String last4,
        String status,
        Instant capturedAt,
        Instant refundedAt) {}
