package com.bookstore.purchase.web;

import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.purchase.cart.CartView;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    private final Carts carts;
    private final CatalogClient catalog;

    CartController(Carts carts, CatalogClient catalog) {
        this.carts = carts;
        this.catalog = catalog;
    }

    record QuantityRequest(
            @NotNull(message = "Give a quantity.")
            @Min(value = 0, message = "0 removes the book.")
            @Max(value = 99, message = "At most 99 copies.")
            Integer quantity) {}

    @GetMapping
    CartView cart(@AuthenticationPrincipal Jwt user) {
        return view(userId(user));
    }

    @PutMapping("/items/{bookId}")
    CartView setQuantity(
            @AuthenticationPrincipal Jwt user, @PathVariable long bookId, @Valid @RequestBody QuantityRequest request) {
        long userId = userId(user);
        List<Long> ids = new ArrayList<>(ids(carts.lines(userId)));
        ids.add(bookId);
        Map<Long, CatalogClient.PricedBook> books = catalog.lookup(ids);
        if (request.quantity() > 0 && !books.containsKey(bookId)) {
            throw new ResourceNotFoundException("There is no book " + bookId + ".");
        }
        carts.setQuantity(userId, bookId, request.quantity());
        return CartView.of(carts.lines(userId), books);
    }

    @DeleteMapping("/items/{bookId}")
    CartView remove(@AuthenticationPrincipal Jwt user, @PathVariable long bookId) {
        carts.remove(userId(user), bookId);
        return view(userId(user));
    }

    private CartView view(long userId) {
        List<Carts.CartLine> lines = carts.lines(userId);
        return CartView.of(lines, catalog.lookup(ids(lines)));
    }

    private static List<Long> ids(List<Carts.CartLine> lines) {
        return lines.stream().map(Carts.CartLine::bookId).toList();
    }

    static long userId(Jwt user) {
        return Long.parseLong(user.getSubject());
    }
}
