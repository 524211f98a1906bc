package com.bookstore.purchase.delivery;

import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.orders.Orders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves orders along their delivery, for staff and for the simulated carrier: the order's status and its delivery's
 * step change together, each only from the state before it, so no step is skipped or done twice.
 */
@Service
public class Shipping {

    private final Orders orders;
    private final OrderDetails details;
    private final Deliveries deliveries;

    Shipping(Orders orders, OrderDetails details, Deliveries deliveries) {
        this.orders = orders;
        this.details = details;
        this.deliveries = deliveries;
    }

    @Transactional
    public OrderView ship(String orderId) {
        OrderView order = details.getForStaff(orderId);
        if (!orders.advance(orderId, OrderStatus.PAID, OrderStatus.SHIPPED)) {
            throw new StateConflictException("Only a paid order can be shipped; this one is " + order.status() + ".");
        }
        deliveries.create(orderId);
        deliveries.advance(orderId, Deliveries.Step.PREPARING, Deliveries.Step.SHIPPED);
        return details.getForStaff(orderId);
    }

    @Transactional
    public OrderView deliver(String orderId) {
        OrderView order = details.getForStaff(orderId);
        if (!orders.advance(orderId, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            throw new StateConflictException(
                    "Only a shipped order can be marked delivered; this one is " + order.status() + ".");
        }
        if (!deliveries.advance(orderId, Deliveries.Step.IN_TRANSIT, Deliveries.Step.DELIVERED)) {
            deliveries.advance(orderId, Deliveries.Step.SHIPPED, Deliveries.Step.DELIVERED);
        }
        return details.getForStaff(orderId);
    }

    /** One step of the carrier: true when the delivery moved. */
    @Transactional
    public boolean carrierStep(String orderId, Deliveries.Step from) {
        return switch (from) {
            case PREPARING ->
                orders.advance(orderId, OrderStatus.PAID, OrderStatus.SHIPPED)
                        && deliveries.advance(orderId, Deliveries.Step.PREPARING, Deliveries.Step.SHIPPED);
            case SHIPPED -> deliveries.advance(orderId, Deliveries.Step.SHIPPED, Deliveries.Step.IN_TRANSIT);
            case IN_TRANSIT ->
                orders.advance(orderId, OrderStatus.SHIPPED, OrderStatus.DELIVERED)
                        && deliveries.advance(orderId, Deliveries.Step.IN_TRANSIT, Deliveries.Step.DELIVERED);
            case DELIVERED -> false;
        };
    }
}
