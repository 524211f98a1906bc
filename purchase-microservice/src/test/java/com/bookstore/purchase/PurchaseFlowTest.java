package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.AtOnce;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Cart, checkout and orders over HTTP, against the real replica set and the real catalog service. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.payment-window=1h"
        })
class PurchaseFlowTest {

    static final String ADDRESS = "{\"fullName\":\"Ada Lovelace\",\"line1\":\"12 Analytical Row\","
            + "\"city\":\"London\",\"postalCode\":\"NW1 2DB\",\"country\":\"GB\"}";
    private static final AtomicLong USERS = new AtomicLong(10_000);

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void cartToOrderPricedByTheCatalogWithStockReservedAndTheCartEmptied() {
        String customer = customer();
        long first = CatalogForTests.book(CatalogForTests.uniqueTitle("First"), "12.50", 5);
        long second = CatalogForTests.book(CatalogForTests.uniqueTitle("Second"), "7.25", 5);
        assertThat(put(customer, first, 2).status()).isEqualTo(200);
        JsonNode cart = put(customer, second, 1).json();
        assertThat(cart.get("items")).hasSize(2);
        assertThat(cart.get("total").asString()).isEqualTo("32.25");

        Http.Response placed = order(customer, "STANDARD");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("subtotal").asString()).isEqualTo("32.25");
        assertThat(order.get("shippingCost").asString()).isEqualTo("4.90");
        assertThat(new BigDecimal(order.get("total").asString()))
                .isEqualByComparingTo(new BigDecimal(order.get("subtotal").asString())
                        .add(new BigDecimal(order.get("shippingCost").asString())));
        assertThat(order.get("items").get(0).get("unitPrice").asString()).isEqualTo("12.50");
        assertThat(order.get("items").get(0).get("lineTotal").asString()).isEqualTo("25.00");
        assertThat(CatalogForTests.stock(first)).isEqualTo(3);
        assertThat(CatalogForTests.stock(second)).isEqualTo(4);

        assertThat(http.get("/api/cart", "Authorization", customer).json().get("items"))
                .isEmpty();
        String id = order.get("id").asString();
        assertThat(http.get("/api/orders", "Authorization", customer)
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id);
        assertThat(http.get("/api/orders/" + id, "Authorization", customer).status())
                .isEqualTo(200);
    }

    @Test
    void badCartAndCheckoutInputIs4xxWithFieldErrors() {
        String customer = customer();
        assertThat(order(customer, "STANDARD").status()).as("empty cart").isEqualTo(400);
        assertThat(put(customer, 999_999_999L, 1).status()).as("unknown book").isEqualTo(404);
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Valid"), "5.00", 3);
        assertThat(put(customer, book, 100).status()).as("too many").isEqualTo(400);
        put(customer, book, 1);

        Http.Response badAddress = http.post(
                "/api/orders",
                "{\"shippingAddress\":{\"fullName\":\"A\",\"line1\":\"x\",\"city\":\"\",\"postalCode\":\"1\","
                        + "\"country\":\"Germany\"},\"deliveryOption\":\"STANDARD\"}",
                "Authorization",
                customer);
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.json().get("errors").findValuesAsString("field"))
                .contains("shippingAddress.city", "shippingAddress.country", "shippingAddress.postalCode");
        Http.Response teleport = order(customer, "TELEPORT");
        assertThat(teleport.status()).as("unknown delivery option").isEqualTo(400);
        assertThat(teleport.json().get("errors").get(0).get("field").asString()).isEqualTo("deliveryOption");
        assertThat(teleport.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Must be one of: STANDARD, EXPRESS.");
        Http.Response wordy = http.put("/api/cart/items/" + book, "{\"quantity\":\"two\"}", "Authorization", customer);
        assertThat(wordy.status()).isEqualTo(400);
        assertThat(wordy.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(http.get("/api/cart").status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void notEnoughStockIs409NamingTheBookAndChangesNothing() {
        String customer = customer();
        String title = CatalogForTests.uniqueTitle("Scarce");
        long book = CatalogForTests.book(title, "9.00", 1);
        put(customer, book, 2);
        Http.Response refused = order(customer, "EXPRESS");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(title);
        assertThat(refused.json().get("unavailable").get(0).get("bookId").asLong())
                .isEqualTo(book);
        assertThat(http.get("/api/cart", "Authorization", customer).json().get("items"))
                .hasSize(1);
        assertThat(http.get("/api/orders", "Authorization", customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(CatalogForTests.stock(book)).isEqualTo(1);
    }

    @Test
    void fiftyBuyersRacingForTheLastTenCopiesGetExactlyTenOrders() throws Exception {
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Bestseller"), "20.00", 10);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String buyer = customer();
            assertThat(put(buyer, book, 1).status()).isEqualTo(200);
            buyers.add(buyer);
        }
        List<Integer> statuses = AtOnce.all(buyers.stream()
                .map(buyer -> (Callable<Integer>) () -> order(buyer, "STANDARD").status())
                .toList());
        assertThat(statuses.stream().filter(s -> s == 201).count())
                .as("%s", statuses)
                .isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(40);
        assertThat(CatalogForTests.stock(book)).isZero();
    }

    @Test
    void aCartCheckedOutFourTimesAtOnceBecomesOneOrder() throws Exception {
        String customer = customer();
        long first = CatalogForTests.book(CatalogForTests.uniqueTitle("Clicked"), "7.00", 5);
        long second = CatalogForTests.book(CatalogForTests.uniqueTitle("Twice"), "4.00", 5);
        put(customer, first, 2);
        put(customer, second, 1);

        List<Integer> statuses = AtOnce.run(4, () -> order(customer, "STANDARD").status());
        assertThat(statuses).as("%s", statuses).containsOnlyOnce(201);
        assertThat(statuses).allMatch(status -> status == 201 || status == 409 || status == 400);
        assertThat(http.get("/api/orders", "Authorization", customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        awaitStock(first, 3); // reserved once
        awaitStock(second, 4);
    }

    @Test
    void anotherCustomersOrderDoesNotExistForYou() {
        String owner = customer();
        String stranger = customer();
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Private"), "3.00", 2);
        put(owner, book, 1);
        String id = order(owner, "STANDARD").json().get("id").asString();
        assertThat(http.get("/api/orders/" + id, "Authorization", stranger).status())
                .isEqualTo(404);
        assertThat(http.post("/api/orders/" + id + "/cancel", null, "Authorization", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/orders/" + id, "Authorization", owner).status())
                .isEqualTo(200);
    }

    @Test
    void cancellingAnUnpaidOrderGivesTheStockBackOnce() {
        String customer = customer();
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Cancelled"), "4.00", 5);
        put(customer, book, 3);
        String id = order(customer, "STANDARD").json().get("id").asString();
        assertThat(CatalogForTests.stock(book)).isEqualTo(2);

        Http.Response cancelled = http.post("/api/orders/" + id + "/cancel", null, "Authorization", customer);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(CatalogForTests.stock(book)).isEqualTo(5);
        assertThat(http.post("/api/orders/" + id + "/cancel", null, "Authorization", customer)
                        .status())
                .isEqualTo(409);
        assertThat(CatalogForTests.stock(book)).isEqualTo(5);
    }

    @Test
    void deliveryOptionsArePublic() {
        JsonNode options = http.get("/api/delivery/options").json();
        assertThat(options.findValuesAsString("code")).containsExactly("STANDARD", "EXPRESS");
        assertThat(options.get(1).get("cost").asString()).isEqualTo("12.90");
    }

    private Http.Response put(String customer, long book, int quantity) {
        return http.put("/api/cart/items/" + book, "{\"quantity\":" + quantity + "}", "Authorization", customer);
    }

    private Http.Response order(String customer, String option) {
        return http.post(
                "/api/orders",
                "{\"shippingAddress\":" + ADDRESS + ",\"deliveryOption\":\"" + option + "\"}",
                "Authorization",
                customer);
    }

    static String customer() {
        return "Bearer " + CatalogForTests.TOKENS.customer(USERS.incrementAndGet());
    }

    static void awaitStock(long book, int expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> CatalogForTests.stock(book) == expected);
    }
}
