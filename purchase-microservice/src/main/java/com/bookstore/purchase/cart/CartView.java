package com.bookstore.purchase.cart;

import com.bookstore.purchase.catalog.CatalogClient;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cart as shown: each line with the catalog's current title and price, and the total. */
public record CartView(
        List<Item> items,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String currency) {

    public record Item(
            long bookId,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {}

    /** Books no longer in the catalog are left out. */
    public static CartView of(List<Carts.CartLine> lines, Map<Long, CatalogClient.PricedBook> books) {
        List<Item> items = new ArrayList<>();
        BigDecimal total = new BigDecimal("0.00");
        for (Carts.CartLine line : lines) {
            CatalogClient.PricedBook book = books.get(line.bookId());
            if (book == null) {
                continue;
            }
            BigDecimal lineTotal = book.price().multiply(BigDecimal.valueOf(line.quantity()));
            items.add(new Item(line.bookId(), book.title(), book.price(), line.quantity(), lineTotal));
            total = total.add(lineTotal);
        }
        return new CartView(items, total, "EUR");
    }

    public int count() {
        return items.stream().mapToInt(Item::quantity).sum();
    }
}
