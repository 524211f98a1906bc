package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.CartView;
import com.bookstore.purchase.cart.ShoppingCart;
import com.bookstore.purchase.checkout.Checkout;
import com.bookstore.purchase.checkout.CheckoutRequest;
import com.bookstore.purchase.orders.DeliveryOption;
import com.bookstore.purchase.orders.OrderView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The checkout page: shipping address and delivery option; placing the order leads on to payment. */
@PageController
class CheckoutPages {

    private final ShoppingCart cart;
    private final Checkout checkout;
    private final Validator validator;

    CheckoutPages(ShoppingCart cart, Checkout checkout, Validator validator) {
        this.cart = cart;
        this.checkout = checkout;
        this.validator = validator;
    }

    @GetMapping("/checkout")
    String form(CurrentUser user, Model model, HttpServletResponse response) {
        CartView view = cart.view(user.id());
        if (view.items().isEmpty()) {
            Flash.set(response, "Your cart is empty.");
            return "redirect:/cart";
        }
        model.addAttribute("cart", view);
        model.addAttribute("form", new CheckoutForm());
        model.addAttribute("options", DeliveryOption.values());
        return "checkout";
    }

    @PostMapping("/checkout")
    String placeOrder(
            CurrentUser user,
            @ModelAttribute("form") CheckoutForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        CheckoutRequest request = form.request();
        for (ConstraintViolation<CheckoutRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString().replace("shippingAddress.", "");
            errors.rejectValue(path, "invalid", violation.getMessage());
        }
        if (!errors.hasErrors()) {
            try {
                OrderView order = checkout.placeOrder(user.id(), user.email(), request);
                return "redirect:/orders/" + order.id() + "/pay";
            } catch (InvalidFieldException e) {
                Flash.set(response, e.getMessage());
                return "redirect:/cart";
            } catch (StateConflictException e) {
                errors.reject("stock", e.getMessage());
                response.setStatus(409);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("cart", cart.view(user.id()));
        model.addAttribute("options", DeliveryOption.values());
        return "checkout";
    }
}
