package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;

/** A customer's side of the shop over HTTP, as the tests use it: books in the cart, an order, a payment. */
final class Shop {

    private final Http http;

    Shop(Http http) {
        this.http = http;
    }

    Http.Response putInCart(String customer, long book, int copies) {
        return http.put("/api/cart/items/" + book, "{\"quantity\":" + copies + "}", "Authorization", customer);
    }

    /** A new book of 10 copies at {@code price}, {@code copies} of it in the cart, and the order: its id. */
    String placeOrder(String customer, String title, String price, int copies) {
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle(title), price, 10);
        assertThat(putInCart(customer, book, copies).status()).isEqualTo(200);
        return order(customer);
    }

    /** The order of what is in the cart, delivered STANDARD to the test address: its id. */
    String order(String customer) {
        Http.Response placed = http.post(
                "/api/orders",
                "{\"shippingAddress\":" + PurchaseFlowTest.ADDRESS + ",\"deliveryOption\":\"STANDARD\"}",
                "Authorization",
                customer);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    /** Pays with the card that is always accepted, under a fresh idempotency key. */
    Http.Response pay(String customer, String orderId) {
        return pay(customer, orderId, PaymentAndDeliveryTest.key(), PaymentAndDeliveryTest.GOOD_CARD);
    }

    Http.Response pay(String customer, String orderId, String idempotencyKey, String card) {
        return http.post(
                "/api/orders/" + orderId + "/payment",
                card,
                "Authorization",
                customer,
                "Idempotency-Key",
                idempotencyKey);
    }
}
