package com.bookstore.purchase.checkout;

import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.config.PurchaseProperties;
import com.bookstore.purchase.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives stock back for orders that will not be paid: unpaid orders past their payment window expire, cancelled
 * and expired orders get their reservation released (retried until the catalog confirms), and checkouts that never
 * finished (a crash between reservation and confirmation) are released and forgotten. Every step is a conditional
 * update or an idempotent call, so several instances may sweep at once.
 */
@Component
class OrderSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);

    private final Orders orders;
    private final CatalogClient catalog;
    private final PurchaseProperties properties;

    OrderSweeper(Orders orders, CatalogClient catalog, PurchaseProperties properties) {
        this.orders = orders;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${bookstore.purchase.sweep-interval:15s}",
            initialDelayString = "${bookstore.purchase.sweep-interval:15s}")
    void sweep() {
        try {
            for (String id : orders.pastPaymentWindow()) {
                if (orders.expire(id)) {
                    log.info("Order {} expired unpaid", id);
                }
            }
            for (String id : orders.stockToRelease()) {
                catalog.release(id);
                orders.releaseDone(id);
            }
            for (String id : orders.abandonedCheckouts(properties.abandonedCheckoutAfter())) {
                catalog.release(id);
                orders.discard(id);
                log.info("Released abandoned checkout {}", id);
            }
        } catch (RuntimeException e) {
            log.warn("Order sweep stopped early, will retry: {}", e.toString());
        }
    }
}
