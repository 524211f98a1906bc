package com.bookstore.purchase.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One book of an order, with the title and price it had when ordered: later catalog changes do not touch it. */
@Entity
@Table(name = "order_lines")
class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "book_id")
    private long bookId;

    private String title;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private int quantity;

    @Column(name = "line_total")
    private BigDecimal lineTotal;

    protected OrderLine() {}

    OrderLine(long bookId, String title, BigDecimal unitPrice, int quantity) {
        this.bookId = bookId;
        this.title = title;
        this.unitPrice = unitPrice;
        this.quantity = quantity;
        this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    long bookId() {
        return bookId;
    }

    int quantity() {
        return quantity;
    }

    BigDecimal lineTotal() {
        return lineTotal;
    }

    OrderView.Item view() {
        return new OrderView.Item(bookId, title, unitPrice, quantity, lineTotal);
    }
}
