package com.bookstore.purchase.orders;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's order. Its status only moves through conditional updates in {@link OrderRepository}, so that two
 * requests (or a request and the expiry sweeper) can never both move it.
 */
@Entity
@Table(name = "orders")
class Order {

    @Id
    private String id;

    @Column(name = "user_id")
    private long userId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private BigDecimal subtotal;

    @Column(name = "shipping_cost")
    private BigDecimal shippingCost;

    private BigDecimal total;

    @Column(columnDefinition = "char(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_option")
    private DeliveryOption deliveryOption;

    @Embedded
    private ShippingAddress shippingAddress;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "stock_released")
    private boolean stockReleased;

    @Column(name = "customer_email")
    private String customerEmail;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id", nullable = false)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {}

    Order(
            String id,
            long userId,
            List<OrderLine> lines,
            DeliveryOption option,
            ShippingAddress address,
            String customerEmail,
            Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.customerEmail = customerEmail;
        this.status = OrderStatus.RESERVING;
        this.lines = new ArrayList<>(lines);
        this.deliveryOption = option;
        this.shippingAddress = address;
        this.currency = "EUR";
        this.subtotal = lines.stream().map(OrderLine::lineTotal).reduce(new BigDecimal("0.00"), BigDecimal::add);
        this.shippingCost = option.cost();
        this.total = subtotal.add(shippingCost);
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String customerEmail() {
        return customerEmail;
    }

    long userId() {
        return userId;
    }

    OrderStatus status() {
        return status;
    }

    List<OrderLine> lines() {
        return lines;
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
