package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.purchase.cart.CartView;
import com.bookstore.purchase.cart.ShoppingCart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cart}: the signed-in customer's cart, with titles and prices from the catalog. */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final ShoppingCart cart;

    CartController(ShoppingCart cart) {
        this.cart = cart;
    }

    record QuantityRequest(
            @NotNull(message = "Give a quantity.")
            @Min(value = 0, message = "0 removes the book.")
            @Max(value = 99, message = "At most 99 copies.")
            Integer quantity) {}

    @GetMapping
    CartView cart(CurrentUser user) {
        return cart.view(user.id());
    }

    @PutMapping("/items/{bookId}")
    CartView setQuantity(CurrentUser user, @PathVariable long bookId, @Valid @RequestBody QuantityRequest request) {
        return cart.change(user.id(), bookId, request.quantity());
    }

    @DeleteMapping("/items/{bookId}")
    CartView remove(CurrentUser user, @PathVariable long bookId) {
        return cart.remove(user.id(), bookId);
    }
}
