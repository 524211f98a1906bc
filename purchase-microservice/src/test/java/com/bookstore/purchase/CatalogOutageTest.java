package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the catalog unreachable, checkout answers 503 promptly and leaves no order behind. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.catalog-url=http://127.0.0.1:9",
            "bookstore.purchase.catalog-timeout=500ms"
        })
class CatalogOutageTest {

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("purchase").properties().forEach((key, value) -> registry.add(key, () -> value));
        CatalogForTests.TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void checkoutWithTheCatalogDownIs503AndMakesNoOrder(ReplicaSet set) {
        long userId = 777_000 + System.nanoTime() % 1000;
        set.primary()
                .execute("INSERT INTO purchase.cart_items (user_id, book_id, quantity) VALUES (" + userId + ", 1, 2)");
        String customer = "Bearer " + CatalogForTests.TOKENS.customer(userId);
        Http http = new Http(port);

        long started = System.nanoTime();
        Http.Response response = http.post(
                "/api/orders",
                "{\"shippingAddress\":" + PurchaseFlowTest.ADDRESS + ",\"deliveryOption\":\"STANDARD\"}",
                "Authorization",
                customer);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.json().get("detail").asString()).contains("catalog");
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("bounded: three short attempts")
                .isLessThan(10_000);
        assertThat(set.primary()
                        .queryForString("SELECT COUNT(*) FROM purchase.orders WHERE user_id = " + userId)
                        .orElseThrow())
                .isEqualTo("0");
        assertThat(http.get("/api/cart", "Authorization", customer).status())
                .as("the cart too needs the catalog")
                .isEqualTo(503);
        assertThat(set.primary()
                        .queryForString("SELECT quantity FROM purchase.cart_items WHERE user_id = " + userId)
                        .orElseThrow())
                .as("the cart is kept")
                .isEqualTo("2");
    }
}
