package com.bookstore.purchase.delivery;

import com.bookstore.purchase.config.PurchaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A carrier that picks parcels up and delivers them on a schedule: each delivery moves one step
 * (PREPARING → SHIPPED → IN_TRANSIT → DELIVERED) once it has waited {@code bookstore.purchase.carrier-step}.
 */
@Component
class SimulatedCarrier {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCarrier.class);

    private final Deliveries deliveries;
    private final Shipping shipping;
    private final long stepSeconds;

    SimulatedCarrier(Deliveries deliveries, Shipping shipping, PurchaseProperties properties) {
        this.deliveries = deliveries;
        this.shipping = shipping;
        this.stepSeconds = Math.max(0, properties.carrierStep().toSeconds());
    }

    @Scheduled(
            fixedDelayString = "${bookstore.purchase.outbox-interval:1s}",
            initialDelayString = "${bookstore.purchase.outbox-interval:1s}")
    void work() {
        try {
            for (Deliveries.Step step : new Deliveries.Step[] {
                Deliveries.Step.IN_TRANSIT, Deliveries.Step.SHIPPED, Deliveries.Step.PREPARING
            }) {
                for (String orderId : deliveries.waitingSince(step, stepSeconds)) {
                    shipping.carrierStep(orderId, step);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Carrier round stopped early, will retry: {}", e.toString());
        }
    }
}
