package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the database's writer gone (the primary killed), the shop is read-only, not down: a customer still sees
 * their cart with its prices (from the catalog's replicas), their orders and an order's detail; a change answers
 * 503 with Retry-After at once. Writes come back when the primary does, with nothing restarted.
 */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.payment-window=1h"
        })
class WriterOutageTest {

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheWriterIsAwayTheCartAndOrdersAreShownAndAChangeIs503AtOnce(ReplicaSet set) throws Exception {
        Http http = new Http(port);
        Shop shop = new Shop(http);
        String customer = PurchaseFlowTest.customer();
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Outage"), "12.50", 10);
        assertThat(shop.putInCart(customer, book, 2).status()).isEqualTo(200);
        String order = shop.order(customer);
        assertThat(shop.putInCart(customer, book, 1).status()).isEqualTo(200);
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));

        set.primary().kill();
        try {
            Thread.sleep(3_000); // both services' writer probes (every second) have seen it go

            Http.Response cart = http.get("/api/cart", "Authorization", customer);
            assertThat(cart.status()).as(cart.body()).isEqualTo(200);
            assertThat(cart.json().get("items").get(0).get("unitPrice").asString())
                    .isEqualTo("12.50");
            Http.Response orders = http.get("/api/orders", "Authorization", customer);
            assertThat(orders.status()).as(orders.body()).isEqualTo(200);
            assertThat(orders.json().get("items").get(0).get("id").asString()).isEqualTo(order);
            assertThat(http.get("/api/orders/" + order, "Authorization", customer)
                            .status())
                    .isEqualTo(200);

            long started = System.nanoTime();
            Http.Response change = http.put("/api/cart/items/" + book, "{\"quantity\":3}", "Authorization", customer);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(change.status()).as(change.body()).isEqualTo(503);
            assertThat(change.header("Retry-After")).isNotBlank();
            assertThat(took).as("refused at once").isLessThan(Duration.ofSeconds(1));
        } finally {
            set.primary().start();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                http.put("/api/cart/items/" + book, "{\"quantity\":3}", "Authorization", customer)
                                        .status())
                        .isEqualTo(200));
    }
}
