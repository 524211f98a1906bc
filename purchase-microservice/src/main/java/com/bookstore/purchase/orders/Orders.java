package com.bookstore.purchase.orders;

import com.bookstore.platform.web.PageResponse;
import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.delivery.DeliveryOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order storage and state changes. Reads of a customer's orders are read-only (replicas, with read-your-writes);
 * every change is a conditional update on the writer, so an illegal or repeated step changes nothing.
 */
@Service
public class Orders {

    private final OrderRepository orders;
    private final Carts carts;
    private final Clock clock;

    Orders(OrderRepository orders, Carts carts, Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.clock = clock;
    }

    /** Records a checkout in progress (not visible to anyone) before its stock is reserved. */
    @Transactional
    public String startReserving(
            String orderId,
            long userId,
            List<Carts.CartLine> cart,
            Map<Long, CatalogClient.PricedBook> books,
            DeliveryOption option,
            ShippingAddress address,
            Duration paymentWindow) {
        List<OrderLine> lines = cart.stream()
                .map(line -> {
                    CatalogClient.PricedBook book = books.get(line.bookId());
                    return new OrderLine(line.bookId(), book.title(), book.price(), line.quantity());
                })
                .toList();
        orders.save(new Order(
                orderId, userId, lines, option, address, clock.instant().plus(paymentWindow)));
        return orderId;
    }

    /** Stock is reserved: the order becomes payable and its books leave the cart, in one transaction. */
    @Transactional
    public OrderView confirm(String orderId) {
        if (orders.transition(orderId, OrderStatus.RESERVING, OrderStatus.PENDING_PAYMENT) != 1) {
            throw new IllegalStateException("Order " + orderId + " was not reserving any more");
        }
        Order order = orders.findById(orderId).orElseThrow();
        carts.removeOrdered(
                order.userId(), order.lines().stream().map(OrderLine::bookId).toList());
        return order.view();
    }

    /** A checkout that did not get its stock leaves nothing behind. */
    @Transactional
    public void discard(String orderId) {
        orders.deleteReserving(orderId);
    }

    @Transactional(readOnly = true)
    public OrderView get(long userId, String orderId) {
        return orders.findByIdAndUserIdAndStatusNot(orderId, userId, OrderStatus.RESERVING)
                .map(Order::view)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> history(long userId, int page, int size) {
        return page(orders.findByUserIdAndStatusNotOrderByCreatedAtDesc(
                userId, OrderStatus.RESERVING, PageRequest.of(page, size)));
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> all(OrderStatus status, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        return page(
                status == null
                        ? orders.findByStatusNotOrderByCreatedAtDesc(OrderStatus.RESERVING, request)
                        : orders.findByStatusOrderByCreatedAtDesc(status, request));
    }

    /** Cancels an order that is not paid yet; its stock goes back (see {@link #releaseDone}). */
    @Transactional
    public OrderView cancelUnpaid(long userId, String orderId) {
        Order order = orders.findByIdAndUserIdAndStatusNot(orderId, userId, OrderStatus.RESERVING)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
        if (orders.transition(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED) != 1) {
            throw new StateConflictException("This order can no longer be cancelled (it is "
                    + orders.findById(orderId).map(Order::status).orElseThrow() + ").");
        }
        return orders.findById(orderId).orElseThrow().view();
    }

    /** An unpaid order past its payment window expires; false when it was paid or cancelled meanwhile. */
    @Transactional
    public boolean expire(String orderId) {
        return orders.transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED) == 1;
    }

    @Transactional
    public void releaseDone(String orderId) {
        orders.markStockReleased(orderId);
    }

    @Transactional
    public List<String> abandonedCheckouts(Duration olderThan) {
        return orders.idsCreatedBefore(OrderStatus.RESERVING, clock.instant().minus(olderThan));
    }

    @Transactional
    public List<String> pastPaymentWindow() {
        return orders.idsExpiredAt(clock.instant());
    }

    @Transactional
    public List<String> stockToRelease() {
        return orders.idsWithStockToRelease();
    }

    Instant now() {
        return clock.instant();
    }

    private static PageResponse<OrderView> page(Page<Order> page) {
        return PageResponse.of(
                page.getContent().stream().map(Order::view).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }
}
