package com.bookstore.purchase.orders;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        Instant payBefore,
        @JsonInclude(JsonInclude.Include.NON_NULL) PaymentView payment,
        @JsonInclude(JsonInclude.Include.NON_NULL) DeliveryView delivery) {

    OrderView with(PaymentView payment, DeliveryView delivery) {
        return new OrderView(
                id,
                status,
                items,
                subtotal,
                shippingCost,
                total,
                currency,
                shippingAddress,
                deliveryOption,
                createdAt,
                payBefore,
                payment,
                delivery);
    }

    public record Item(
            long bookId,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {}
}
