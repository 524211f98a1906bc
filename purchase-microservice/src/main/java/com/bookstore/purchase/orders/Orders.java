package com.bookstore.purchase.orders;

import com.bookstore.platform.web.PageResponse;
import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.delivery.DeliveryOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order storage and state changes. Reads of a customer's orders are read-only (replicas, with read-your-writes);
 * every change is a conditional update on the writer, so an illegal or repeated step changes nothing.
 */
@Service
public class Orders {

    private final OrderRepository orders;
    private final Carts carts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Orders(OrderRepository orders, Carts carts, JdbcTemplate jdbc, Clock clock) {
        this.orders = orders;
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
                .map(this::detailed)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
    }

    /** Any customer's order, for staff. */
    @Transactional(readOnly = true)
    public OrderView getForStaff(String orderId) {
        return orders.findById(orderId)
                .filter(order -> order.status() != OrderStatus.RESERVING)
                .map(this::detailed)
                .orElseThrow(() -> new ResourceNotFoundException("There is no order " + orderId + "."));
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

    /** The order is paid: status, payment record and the event that will create its delivery, in one commit. */
    @Transactional
    public void markPaid(String orderId, String paymentId, String brand, String last4) {
        if (orders.transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID) != 1) {
            throw new IllegalStateException("Order " + orderId + " was not payable any more");
        }
        jdbc.update(
                "INSERT INTO payments (order_id, id, amount, currency, brand, last4, status) "
                        + "SELECT id, ?, total, currency, ?, ?, 'CAPTURED' FROM orders WHERE id = ?",
                paymentId,
                brand,
                last4,
                orderId);
        jdbc.update("INSERT INTO outbox (event_type, order_id) VALUES ('PAYMENT_CAPTURED', ?)", orderId);
    }

    /** Moves an order one step if it is where the caller believes (delivery steps by carrier or staff). */
    @Transactional
    public boolean advance(String orderId, OrderStatus from, OrderStatus to) {
        return orders.transition(orderId, from, to) == 1;
    }

    private OrderView detailed(Order order) {
        return order.view().with(payment(order.id()), delivery(order.id()));
    }

    private PaymentView payment(String orderId) {
        return jdbc
                .query(
                        "SELECT id, amount, currency, brand, last4, status, captured_at, refunded_at "
                                + "FROM payments WHERE order_id = ?",
                        (rs, row) -> new PaymentView(
                                rs.getString("id"),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"),
                                rs.getString("brand"),
                                rs.getString("last4"),
                                rs.getString("status"),
                                rs.getTimestamp("captured_at").toInstant(),
                                rs.getTimestamp("refunded_at") == null
                                        ? null
                                        : rs.getTimestamp("refunded_at").toInstant()),
                        orderId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private DeliveryView delivery(String orderId) {
        List<DeliveryView.Event> events = jdbc.query(
                "SELECT status, at FROM delivery_events WHERE order_id = ? ORDER BY at, id",
                (rs, row) -> new DeliveryView.Event(
                        rs.getString("status"), rs.getTimestamp("at").toInstant()),
                orderId);
        return jdbc
                .query(
                        "SELECT status, carrier, tracking_number, estimated_delivery FROM deliveries WHERE order_id = ?",
                        (rs, row) -> new DeliveryView(
                                rs.getString("status"),
                                rs.getString("carrier"),
                                rs.getString("tracking_number"),
                                rs.getDate("estimated_delivery").toLocalDate(),
                                events),
                        orderId)
                .stream()
                .findFirst()
                .orElse(null);
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

    /**
     * Cancels an order before it ships: an unpaid one simply, a paid one with a refund and without its delivery.
     * Its stock goes back afterwards (see {@link #releaseDone}).
     */
    @Transactional
    public OrderView cancel(long userId, String orderId) {
        Order order = orders.findByIdAndUserIdAndStatusNot(orderId, userId, OrderStatus.RESERVING)
                .orElseThrow(() -> new ResourceNotFoundException("You have no order " + orderId + "."));
        if (orders.transition(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED) != 1) {
            if (orders.transition(order.id(), OrderStatus.PAID, OrderStatus.CANCELLED) != 1) {
                throw new StateConflictException("This order can no longer be cancelled (it is "
                        + orders.findById(orderId).map(Order::status).orElseThrow() + ").");
            }
            jdbc.update(
                    "UPDATE payments SET status = 'REFUNDED', refunded_at = CURRENT_TIMESTAMP(6) "
                            + "WHERE order_id = ? AND status = 'CAPTURED'",
                    orderId);
            jdbc.update("DELETE FROM deliveries WHERE order_id = ? AND status = 'PREPARING'", orderId);
        }
        return get(userId, orderId);
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

    private static PageResponse<OrderView> page(Page<Order> page) {
        return PageResponse.of(
                page.getContent().stream().map(Order::view).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }
}
