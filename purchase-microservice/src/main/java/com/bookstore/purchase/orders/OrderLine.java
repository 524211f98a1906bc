package com.bookstore.purchase.orders;

import java.math.BigDecimal;

/** One book of an order, with the title and price it had when ordered: later catalog changes do not touch it. */
record OrderLine(long bookId, String title, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {

    OrderLine(long bookId, String title, BigDecimal unitPrice, int quantity) {
        this(bookId, title, unitPrice, quantity, unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    OrderView.Item view() {
        return new OrderView.Item(bookId, title, unitPrice, quantity, lineTotal);
    }
}
