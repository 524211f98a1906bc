package com.bookstore.purchase.checkout;

import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.catalog.CatalogUnavailableException;
import com.bookstore.purchase.config.PurchaseProperties;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.orders.Orders;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a cart into an order: priced from the catalog, stock reserved at the catalog under the order's id, then
 * confirmed (payable, cart emptied). Never a half-made order: a refused reservation leaves nothing; a catalog that
 * does not answer, or a confirmation that fails, is undone by releasing the reservation (idempotent), and what
 * cannot be undone at once (a crash in between) is found and released by the sweeper.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final Carts carts;
    private final CatalogClient catalog;
    private final Orders orders;
    private final PurchaseProperties properties;

    Checkout(Carts carts, CatalogClient catalog, Orders orders, PurchaseProperties properties) {
        this.carts = carts;
        this.catalog = catalog;
        this.orders = orders;
        this.properties = properties;
    }

    /** Places the cart as an order; its e-mails go to {@code customerEmail} (none when it is null). */
    public OrderView placeOrder(long userId, String customerEmail, CheckoutRequest request) {
        List<Carts.CartLine> cart = carts.linesForCheckout(userId);
        if (cart.isEmpty()) {
            throw new InvalidFieldException("cart", "Your cart is empty.");
        }
        Map<Long, CatalogClient.PricedBook> books = catalog.lookupForPricing(
                cart.stream().map(Carts.CartLine::bookId).toList());
        List<Long> gone = cart.stream()
                .map(Carts.CartLine::bookId)
                .filter(id -> !books.containsKey(id))
                .toList();
        if (!gone.isEmpty()) {
            throw new StateConflictException(
                    "Some books in your cart are no longer sold: remove them first.", Map.of("unavailable", gone));
        }
        String orderId = UUID.randomUUID().toString();
        orders.startReserving(
                orderId,
                userId,
                cart,
                books,
                request.deliveryOption(),
                request.shippingAddress(),
                customerEmail,
                properties.paymentWindow(),
                properties.abandonedCheckoutAfter());
        CatalogClient.ReservationOutcome outcome;
        try {
            outcome = catalog.reserve(
                    orderId,
                    cart.stream()
                            .map(line -> new CatalogClient.Line(line.bookId(), line.quantity()))
                            .toList());
        } catch (CatalogUnavailableException e) {
            undo(orderId);
            throw e;
        }
        if (!outcome.reserved()) {
            orders.discard(orderId);
            throw new InsufficientStockException(outcome.shortages());
        }
        try {
            return orders.confirm(orderId);
        } catch (RuntimeException e) {
            undo(orderId);
            throw e;
        }
    }

    private void undo(String orderId) {
        try {
            catalog.release(orderId);
            orders.discard(orderId);
        } catch (RuntimeException e) {
            log.warn("Could not undo checkout {} now ({}); the sweeper will release it", orderId, e.toString());
        }
    }
}
