package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CartBadge;
import com.bookstore.purchase.cart.ShoppingCart;
import org.springframework.stereotype.Component;

/**
 * The number of books in a customer's cart for the header badge; the layout remembers it for the catalog and
 * auth pages.
 */
@Component
class CartBadgeCounts implements CartBadge.Source {

    private final ShoppingCart cart;

    CartBadgeCounts(ShoppingCart cart) {
        this.cart = cart;
    }

    @Override
    public int count(long userId) {
        return cart.count(userId);
    }
}
