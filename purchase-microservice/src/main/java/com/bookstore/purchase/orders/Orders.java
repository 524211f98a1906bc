package com.bookstore.purchase.orders;

import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order state changes: every change is a conditional update on the writer, so an illegal or repeated step changes
 * nothing. Reading orders is {@link OrderDetails}'; the payment and delivery tables are their packages' own.
 */
@Service
public class Orders {

    private final OrderRepository orders;
    private final OrderDetails details;
    private final PaymentLedger payments;
    private final DeliveryTimeline deliveries;
    private final Carts carts;
    private final JdbcTemplate jdbc;
    private final OrderMailbox mailbox;
    private final Clock clock;

    Orders(
            OrderRepository orders,
            OrderDetails details,
            PaymentLedger payments,
            DeliveryTimeline deliveries,
            Carts carts,
            JdbcTemplate jdbc,
            OrderMailbox mailbox,
            Clock clock) {
        this.mailbox = mailbox;
        this.orders = orders;
        this.details = details;
        this.payments = payments;
        this.deliveries = deliveries;
        this.carts = carts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a checkout in progress (not visible to anyone) before its stock is reserved: only for the cart as
     * it was priced, and only if no other checkout of this customer is in progress. The cart rows, locked here,
     * make two at once take turns; READ COMMITTED lets the second see what the first committed, and takes no gap
     * locks, which would make checkouts of different customers deadlock on the orders index.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public String startReserving(
            String orderId,
            long userId,
            List<Carts.CartLine> cart,
            Map<Long, CatalogClient.PricedBook> books,
            DeliveryOption option,
            ShippingAddress address,
            String customerEmail,
            Duration paymentWindow,
            Duration checkoutTimeout) {
        if (!carts.lockForCheckout(userId).equals(cart)) {
            throw new StateConflictException(
                    "Your cart changed while the order was being placed (was it placed twice?): look at your orders"
                            + " and your cart, then try again.");
        }
        if (!orders.idsReservingSince(userId, clock.instant().minus(checkoutTimeout))
                .isEmpty()) {
            throw new StateConflictException(
                    "An order from this cart is being placed already: look at your orders in a moment.");
        }
        List<OrderLine> lines = cart.stream()
                .map(line -> {
                    CatalogClient.PricedBook book = books.get(line.bookId());
                    return new OrderLine(line.bookId(), book.title(), book.price(), line.quantity());
                })
                .toList();
        orders.insert(Order.placed(
                orderId,
                userId,
                lines,
                option,
                address,
                customerEmail,
                clock.instant().plus(paymentWindow)));
        return orderId;
    }

    /** Stock is reserved: the order becomes payable and its books leave the cart, in one transaction. */
    @Transactional
    public OrderView confirm(String orderId) {
        if (!move(orderId, OrderStatus.RESERVING, OrderStatus.PENDING_PAYMENT)) {
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

    /** Locks a customer's order on the writer to decide a payment; its status, if it is theirs. */
    @Transactional
    public Optional<OrderStatus> lockForPayment(long userId, String orderId) {
        return jdbc
                .query(
                        "SELECT status FROM orders WHERE id = ? AND user_id = ? AND status <> 'RESERVING' FOR UPDATE",
                        (rs, row) -> OrderStatus.valueOf(rs.getString("status")),
                        orderId,
                        userId)
                .stream()
                .findFirst();
    }

    /** The order is paid (its payment record and delivery request are written by the payment, in this commit). */
    @Transactional
    public void markPaid(String orderId) {
        if (!move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID)) {
            throw new IllegalStateException("Order " + orderId + " was not payable any more");
        }
    }

    /** Moves an order one step if it is where the caller believes (delivery steps by carrier or staff). */
    @Transactional
    public boolean advance(String orderId, OrderStatus from, OrderStatus to) {
        return move(orderId, from, to);
    }

    /**
     * Cancels an order before it ships: an unpaid one simply, a paid one with a refund and without its delivery.
     * Its stock goes back afterwards (see {@link #releaseDone}).
     */
    @Transactional
    public OrderView cancel(long userId, String orderId) {
        Order order = orders.findOwned(orderId, userId, OrderStatus.RESERVING)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
        if (!move(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED)) {
            if (!move(order.id(), OrderStatus.PAID, OrderStatus.CANCELLED)) {
                throw new StateConflictException("This order can no longer be cancelled (it is "
                        + orders.findById(orderId).map(Order::status).orElseThrow() + ").");
            }
            payments.refund(orderId);
            deliveries.cancelPreparing(orderId);
        }
        return details.get(userId, orderId);
    }

    /** An unpaid order past its payment window expires; false when it was paid or cancelled meanwhile. */
    @Transactional
    public boolean expire(String orderId) {
        return move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED);
    }

    /** One step of an order, if it is where the caller believes, with the e-mail the step owes the customer. */
    private boolean move(String orderId, OrderStatus from, OrderStatus to) {
        if (orders.transition(orderId, from, to) != 1) {
            return false;
        }
        switch (to) {
            case PENDING_PAYMENT -> mailbox.post(orderId, OrderMailbox.Kind.RECEIVED);
            case PAID -> mailbox.post(orderId, OrderMailbox.Kind.PAID);
            case SHIPPED -> mailbox.post(orderId, OrderMailbox.Kind.SHIPPED);
            case DELIVERED -> mailbox.post(orderId, OrderMailbox.Kind.DELIVERED);
            case CANCELLED -> mailbox.post(orderId, OrderMailbox.Kind.CANCELLED);
            case RESERVING, EXPIRED -> {}
        }
        return true;
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
}
