package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Unpaid orders expire after the payment window and their stock goes back to the catalog. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.payment-window=2s",
            "bookstore.purchase.sweep-interval=500ms"
        })
class OrderExpiryTest {

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anUnpaidOrderExpiresAndReleasesItsStock() {
        Http http = new Http(port);
        String customer = PurchaseFlowTest.customer();
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Expiring"), "6.00", 4);
        http.put("/api/cart/items/" + book, "{\"quantity\":3}", "Authorization", customer);
        Http.Response placed = http.post(
                "/api/orders",
                "{\"shippingAddress\":" + PurchaseFlowTest.ADDRESS + ",\"deliveryOption\":\"STANDARD\"}",
                "Authorization",
                customer);
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        assertThat(CatalogForTests.stock(book)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "EXPIRED"
                        .equals(http.get("/api/orders/" + id, "Authorization", customer)
                                .json()
                                .get("status")
                                .asString()));
        PurchaseFlowTest.awaitStock(book, 4);
        assertThat(http.post("/api/orders/" + id + "/cancel", null, "Authorization", customer)
                        .status())
                .as("an expired order cannot be cancelled")
                .isEqualTo(409);
    }
}
