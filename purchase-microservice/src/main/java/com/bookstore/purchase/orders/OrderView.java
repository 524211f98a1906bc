package com.bookstore.purchase.orders;

import com.bookstore.purchase.delivery.DeliveryOption;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as its owner (and staff) see it; money as decimal strings. */
public record OrderView(
        String id,
        OrderStatus status,
        List<Item> items,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shippingCost,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String currency,
        ShippingAddress shippingAddress,
        DeliveryOption deliveryOption,
        Instant createdAt,
        Instant payBefore) {

    public record Item(
            long bookId,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {}
}
