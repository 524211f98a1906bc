package com.bookstore.purchase.checkout;

import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Cancels an order before shipment (refunding a paid one) and gives its stock back at once, or via the sweeper. */
@Service
public class Cancellation {

    private static final Logger log = LoggerFactory.getLogger(Cancellation.class);

    private final Orders orders;
    private final CatalogClient catalog;

    Cancellation(Orders orders, CatalogClient catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    public OrderView cancel(long userId, String orderId) {
        OrderView cancelled = orders.cancel(userId, orderId);
        try {
            catalog.release(orderId);
            orders.releaseDone(orderId);
        } catch (RuntimeException e) {
            log.warn("Cancelled {} but could not release its stock yet ({}); the sweeper will", orderId, e.toString());
        }
        return cancelled;
    }
}
