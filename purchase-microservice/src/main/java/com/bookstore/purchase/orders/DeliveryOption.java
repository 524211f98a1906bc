package com.bookstore.purchase.orders;

import java.math.BigDecimal;

/** How an order travels: who carries it, what it costs, how long it takes. */
public enum DeliveryOption {
    STANDARD("Standard delivery", "Parcelway", new BigDecimal("4.90"), 4),
    EXPRESS("Express delivery", "SwiftCourier Express", new BigDecimal("12.90"), 1);

    private final String label;
    private final String carrier;
    private final BigDecimal cost;
    private final int estimatedDays;

    DeliveryOption(String label, String carrier, BigDecimal cost, int estimatedDays) {
        this.label = label;
        this.carrier = carrier;
        this.cost = cost;
        this.estimatedDays = estimatedDays;
    }

    public String label() {
        return label;
    }

    public String carrier() {
        return carrier;
    }

    public BigDecimal cost() {
        return cost;
    }

    public int estimatedDays() {
        return estimatedDays;
    }
}
