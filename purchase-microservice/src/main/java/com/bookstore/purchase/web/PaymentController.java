package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.purchase.delivery.Shipping;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.payment.CardDetails;
import com.bookstore.purchase.payment.PaymentOutcome.Paid;
import com.bookstore.purchase.payment.PaymentOutcome.Refused;
import com.bookstore.purchase.payment.Payments;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Paying an order (idempotent), and the staff's delivery actions. */
@RestController
class PaymentController {

    private final Payments payments;
    private final Shipping shipping;

    PaymentController(Payments payments, Shipping shipping) {
        this.payments = payments;
        this.shipping = shipping;
    }

    @PostMapping("/api/orders/{id}/payment")
    OrderView pay(
            CurrentUser user,
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CardDetails card) {
        return switch (payments.pay(user.id(), id, key, card)) {
            case Paid paid -> paid.order();
            case Refused refused -> throw PaymentRefusals.problem(refused);
        };
    }

    @PostMapping("/api/admin/orders/{id}/ship")
    OrderView ship(@PathVariable String id) {
        return shipping.ship(id);
    }

    @PostMapping("/api/admin/orders/{id}/deliver")
    OrderView deliver(@PathVariable String id) {
        return shipping.deliver(id);
    }
}
