package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.purchase.cart.Carts;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of books in the signed-in customer's cart, for the badge in the header of the purchase pages. */
@ControllerAdvice(assignableTypes = ShopPages.class)
class CartBadgeAdvice {

    private final Carts carts;

    CartBadgeAdvice(Carts carts) {
        this.carts = carts;
    }

    @ModelAttribute("cartCount")
    Integer cartCount() {
        CurrentUser user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
        return user == null
                ? null
                : carts.lines(user.id()).stream()
                        .mapToInt(Carts.CartLine::quantity)
                        .sum();
    }
}
