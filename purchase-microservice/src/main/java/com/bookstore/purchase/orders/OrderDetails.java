package com.bookstore.purchase.orders;

import com.bookstore.platform.web.PageResponse;
import com.bookstore.platform.web.ResourceNotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as customers and staff read them: one order with its payment and delivery timeline, and pages of order
 * summaries. Read-only transactions (replicas, with read-your-writes); state changes are {@link Orders}'.
 */
@Service
public class OrderDetails {

    private final OrderRepository orders;
    private final PaymentLedger payments;
    private final DeliveryTimeline deliveries;

    OrderDetails(OrderRepository orders, PaymentLedger payments, DeliveryTimeline deliveries) {
        this.orders = orders;
        this.payments = payments;
        this.deliveries = deliveries;
    }

    @Transactional(readOnly = true)
    public OrderView get(long userId, String orderId) {
        return orders.findOwned(orderId, userId, OrderStatus.RESERVING)
                .map(this::detailed)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
    }

    /**
     * An order as its e-mails show it, with the address they go to (empty address for an order placed before orders
     * kept one), read in the caller's transaction: the mail relay's, on the writer, so it is the state just committed.
     */
    @Transactional
    public Optional<Addressed> forMail(String orderId) {
        return orders.findById(orderId).map(order -> new Addressed(detailed(order), order.customerEmail()));
    }

    /** An order and the address of its e-mails (null when it has none). */
    public record Addressed(OrderView order, String email) {}

    /** Any customer's order, for staff. */
    @Transactional(readOnly = true)
    public OrderView getForStaff(String orderId) {
        return orders.findById(orderId)
                .filter(order -> order.status() != OrderStatus.RESERVING)
                .map(this::detailed)
                .orElseThrow(() -> new ResourceNotFoundException("There is no order " + orderId + "."));
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> history(long userId, int page, int size) {
        return views(orders.pageOfCustomer(userId, OrderStatus.RESERVING, page, size));
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> all(OrderStatus status, int page, int size) {
        return views(
                status == null
                        ? orders.pageNotInStatus(OrderStatus.RESERVING, page, size)
                        : orders.pageInStatus(status, page, size));
    }

    private OrderView detailed(Order order) {
        return order.view().with(payments.paymentOf(order.id()), deliveries.deliveryOf(order.id()));
    }

    private static PageResponse<OrderView> views(PageResponse<Order> page) {
        return PageResponse.of(
                page.items().stream().map(Order::view).toList(), page.page(), page.size(), page.totalItems());
    }
}
