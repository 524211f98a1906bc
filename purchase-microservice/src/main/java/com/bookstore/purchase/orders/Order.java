package com.bookstore.purchase.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's order, as stored. Its status only moves through conditional updates in {@link OrderRepository}, so
 * that two requests (or a request and the expiry sweeper) can never both move it.
 */
record Order(
        String id,
        long userId,
        OrderStatus status,
        List<OrderLine> lines,
        BigDecimal subtotal,
        BigDecimal shippingCost,
        BigDecimal total,
        String currency,
        DeliveryOption deliveryOption,
        ShippingAddress shippingAddress,
        String customerEmail,
        Instant createdAt,
        Instant expiresAt) {

    Order {
        lines = List.copyOf(lines);
    }

    /** A new order, reserving its stock: priced in euros from its lines and the delivery option. */
    static Order placed(
            String id,
            long userId,
            List<OrderLine> lines,
            DeliveryOption option,
            ShippingAddress address,
            String customerEmail,
            Instant expiresAt) {
        BigDecimal subtotal = lines.stream().map(OrderLine::lineTotal).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new Order(
                id,
                userId,
                OrderStatus.RESERVING,
                lines,
                subtotal,
                option.cost(),
                subtotal.add(option.cost()),
                "EUR",
                option,
                address,
                customerEmail,
                null,
                expiresAt);
    }

    Order withLines(List<OrderLine> stored) {
        return new Order(
                id,
                userId,
                status,
                stored,
                subtotal,
                shippingCost,
                total,
                currency,
                deliveryOption,
                shippingAddress,
                customerEmail,
                createdAt,
                expiresAt);
    }

    OrderView view() {
        return new OrderView(
                id,
                status,
                lines.stream().map(OrderLine::view).toList(),
                subtotal,
                shippingCost,
                total,
                currency,
                shippingAddress,
                deliveryOption,
                createdAt,
                expiresAt,
                null,
                null);
    }
}
