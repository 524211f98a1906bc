package com.bookstore.purchase.cart;

import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.purchase.catalog.CatalogClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The store's rules for a customer's cart, for the pages and the API alike: only books the catalog has go in,
 * adding merges with what is there (at most {@value Carts#MAX_COPIES} copies), 0 copies removes the line, and the
 * cart is shown with the catalog's current titles and prices. No database transaction spans a catalog call.
 */
@Service
public class ShoppingCart {

    private final Carts carts;
    private final CatalogClient catalog;

    ShoppingCart(Carts carts, CatalogClient catalog) {
        this.carts = carts;
        this.catalog = catalog;
    }

    public CartView view(long userId) {
        List<Carts.CartLine> lines = carts.lines(userId);
        return CartView.of(lines, catalog.lookup(ids(lines)));
    }

    /** Adds copies of a book (merged with the cart's, capped); the book as the catalog has it, for a message. */
    public CatalogClient.PricedBook add(long userId, long bookId, int quantity) {
        CatalogClient.PricedBook book = catalog.lookup(List.of(bookId)).get(bookId);
        if (book == null) {
            book = onTheWriter(bookId);
        }
        carts.add(userId, bookId, quantity);
        return book;
    }

    /** Sets how many copies of a book the cart holds (0 removes it); the cart as it is now. */
    public CartView change(long userId, long bookId, int quantity) {
        List<Long> ids = new ArrayList<>(ids(carts.lines(userId)));
        ids.add(bookId);
        Map<Long, CatalogClient.PricedBook> books = new HashMap<>(catalog.lookup(ids));
        if (quantity > 0 && !books.containsKey(bookId)) {
            books.put(bookId, onTheWriter(bookId));
        }
        carts.setQuantity(userId, bookId, quantity);
        return CartView.of(carts.lines(userId), books);
    }

    public CartView remove(long userId, long bookId) {
        carts.remove(userId, bookId);
        return view(userId);
    }

    /** How many books the cart holds, for the header's badge. */
    public int count(long userId) {
        return carts.lines(userId).stream().mapToInt(Carts.CartLine::quantity).sum();
    }

    /**
     * A book the replicas do not have: it may be one put on sale a moment ago (the replicas not there yet), so the
     * catalog's writer decides whether it exists before the customer is told it does not.
     */
    private CatalogClient.PricedBook onTheWriter(long bookId) {
        CatalogClient.PricedBook book =
                catalog.lookupForPricing(List.of(bookId)).get(bookId);
        if (book == null) {
            throw new ResourceNotFoundException("There is no book " + bookId + ".");
        }
        return book;
    }

    private static List<Long> ids(List<Carts.CartLine> lines) {
        return lines.stream().map(Carts.CartLine::bookId).toList();
    }
}
