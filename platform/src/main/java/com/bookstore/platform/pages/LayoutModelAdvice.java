package com.bookstore.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page: who is signed in, the cart badge, and the one-time message if
 * there is one.
 */
@ControllerAdvice(annotations = PageController.class)
public class LayoutModelAdvice {

    private final ObjectProvider<CartBadge.Source> cartCounts;

    public LayoutModelAdvice(ObjectProvider<CartBadge.Source> cartCounts) {
        this.cartCounts = cartCounts;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("cartCount")
    Integer cartCount(HttpServletRequest request, HttpServletResponse response) {
        return CartBadge.count(request, response, currentUser(), cartCounts.getIfAvailable());
    }

    @ModelAttribute("flash")
    String flash(HttpServletRequest request, HttpServletResponse response) {
        return Flash.take(request, response);
    }
}
