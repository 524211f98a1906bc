package com.bookstore.purchase.web;

import com.bookstore.purchase.delivery.Shipping;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.payment.CardDetails;
import com.bookstore.purchase.payment.Payments;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
    ResponseEntity<String> pay(
            @AuthenticationPrincipal Jwt user,
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CardDetails card) {
        Payments.Answer answer = payments.pay(CartController.userId(user), id, key, card);
        return ResponseEntity.status(answer.status())
                .contentType(answer.status() == 200 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.body());
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
