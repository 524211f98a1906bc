package com.bookstore.purchase.web;

import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.delivery.Shipping;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.OrderView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff: every order, filtered by status, and the delivery actions (shipped, delivered). */
@PageController
class StaffOrderPages {

    private static final List<OrderStatus> STATUSES = List.of(
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAID,
            OrderStatus.SHIPPED,
            OrderStatus.DELIVERED,
            OrderStatus.CANCELLED,
            OrderStatus.EXPIRED);

    private final OrderDetails details;
    private final Shipping shipping;

    StaffOrderPages(OrderDetails details, Shipping shipping) {
        this.details = details;
        this.shipping = shipping;
    }

    @GetMapping("/admin/orders")
    String list(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", details.all(status, Math.max(0, page), 25));
        return "admin/orders";
    }

    @PostMapping("/admin/orders/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, HttpServletResponse response) {
        try {
            OrderView order = switch (action) {
                case "ship" -> shipping.ship(id);
                case "deliver" -> shipping.deliver(id);
                default -> throw new ResourceNotFoundException("No such action.");
            };
            Flash.set(response, "Order " + id.substring(0, 8) + " is now " + order.status() + ".");
        } catch (StateConflictException e) {
            Flash.set(response, e.getMessage());
        }
        return "redirect:/admin/orders";
    }
}
