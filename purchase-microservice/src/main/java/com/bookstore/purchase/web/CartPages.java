package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.cart.ShoppingCart;
import com.bookstore.purchase.catalog.CatalogClient;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cart page and its forms: add from a book page, change a quantity, remove a line. */
@PageController
class CartPages {

    private final ShoppingCart cart;

    CartPages(ShoppingCart cart) {
        this.cart = cart;
    }

    @GetMapping("/cart")
    String cart(CurrentUser user, Model model) {
        model.addAttribute("cart", cart.view(user.id()));
        return "cart";
    }

    @PostMapping("/cart/items")
    String add(
            CurrentUser user,
            @RequestParam long bookId,
            @RequestParam(defaultValue = "1") int quantity,
            HttpServletResponse response) {
        CatalogClient.PricedBook book = cart.add(user.id(), bookId, quantity);
        Flash.set(response, "“" + book.title() + "” is in your cart.");
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{bookId}")
    String changeQuantity(
            CurrentUser user, @PathVariable long bookId, @RequestParam int quantity, HttpServletResponse response) {
        if (quantity < 0 || quantity > Carts.MAX_COPIES) {
            Flash.set(response, "Choose between 0 and " + Carts.MAX_COPIES + " copies.");
            return "redirect:/cart";
        }
        cart.change(user.id(), bookId, quantity);
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{bookId}/remove")
    String remove(CurrentUser user, @PathVariable long bookId) {
        cart.remove(user.id(), bookId);
        return "redirect:/cart";
    }
}
