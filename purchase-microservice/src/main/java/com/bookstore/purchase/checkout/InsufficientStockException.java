package com.bookstore.purchase.checkout;

import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.catalog.CatalogClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Some books of the cart do not have enough copies; no order was made and the cart is unchanged. */
public class InsufficientStockException extends StateConflictException {

    InsufficientStockException(List<CatalogClient.Shortage> shortages) {
        super(
                "Not enough stock for: "
                        + shortages.stream().map(CatalogClient.Shortage::title).collect(Collectors.joining(", "))
                        + ".",
                Map.of("unavailable", shortages));
    }
}
