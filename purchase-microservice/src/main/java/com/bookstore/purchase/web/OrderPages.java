package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.checkout.Cancellation;
import com.bookstore.purchase.orders.OrderDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer's order history, an order with its delivery timeline, and cancelling it. */
@PageController
class OrderPages {

    private final OrderDetails details;
    private final Cancellation cancellation;

    OrderPages(OrderDetails details, Cancellation cancellation) {
        this.details = details;
        this.cancellation = cancellation;
    }

    @GetMapping("/orders")
    String history(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", details.history(user.id(), Math.max(0, page), 20));
        return "orders/list";
    }

    @GetMapping("/orders/{id}")
    String order(CurrentUser user, @PathVariable String id, Model model) {
        model.addAttribute("order", details.get(user.id(), id));
        return "orders/detail";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(CurrentUser user, @PathVariable String id, HttpServletResponse response) {
        try {
            cancellation.cancel(user.id(), id);
            Flash.set(response, "Your order is cancelled.");
        } catch (StateConflictException e) {
            Flash.set(response, e.getMessage());
        }
        return "redirect:/orders/" + id;
    }
}
