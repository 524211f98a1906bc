package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.platform.web.PageResponse;
import com.bookstore.purchase.checkout.Cancellation;
import com.bookstore.purchase.checkout.Checkout;
import com.bookstore.purchase.checkout.CheckoutRequest;
import com.bookstore.purchase.orders.DeliveryOption;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.OrderView;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checkout, order history and cancellation for customers; the list of all orders for staff. */
@RestController
@Validated
class OrdersController {

    private final Checkout checkout;
    private final Cancellation cancellation;
    private final OrderDetails details;

    OrdersController(Checkout checkout, Cancellation cancellation, OrderDetails details) {
        this.checkout = checkout;
        this.cancellation = cancellation;
        this.details = details;
    }

    record DeliveryOptionView(
            String code,
            String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
            String currency,
            int estimatedDays,
            String carrier) {}

    @GetMapping("/api/delivery/options")
    List<DeliveryOptionView> deliveryOptions() {
        return Arrays.stream(DeliveryOption.values())
                .map(o -> new DeliveryOptionView(o.name(), o.label(), o.cost(), "EUR", o.estimatedDays(), o.carrier()))
                .toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> placeOrder(CurrentUser user, @Valid @RequestBody CheckoutRequest request) {
        OrderView order = checkout.placeOrder(user.id(), user.email(), request);
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @GetMapping("/api/orders")
    PageResponse<OrderView> history(
            CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return details.history(user.id(), page, size);
    }

    @GetMapping("/api/orders/{id}")
    OrderView order(CurrentUser user, @PathVariable String id) {
        return details.get(user.id(), id);
    }

    @PostMapping("/api/orders/{id}/cancel")
    OrderView cancel(CurrentUser user, @PathVariable String id) {
        return cancellation.cancel(user.id(), id);
    }

    @GetMapping("/api/admin/orders")
    PageResponse<OrderView> allOrders(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return details.all(status, page, size);
    }
}
