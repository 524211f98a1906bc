package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.ServiceProcess;
import com.bookstore.testkit.TestIsbns;
import com.bookstore.testkit.TestTokens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The real catalog service for purchase tests: its built jar, run as a process on the test JVM's replica set, with
 * the test token issuer standing in for auth. One per test JVM.
 */
final class CatalogForTests {

    static final String INTERNAL_TOKEN = "purchase-tests-internal";
    static final TestTokens TOKENS = TestTokens.start();
    private static ServiceProcess catalog;

    private CatalogForTests() {}

    static synchronized ServiceProcess catalog() {
        if (catalog == null) {
            Map<String, String> environment =
                    new HashMap<>(ReplicaSetExtension.schema("catalog").environment());
            environment.putAll(TOKENS.environment());
            environment.put("BOOKSTORE_SECURITY_INTERNALTOKEN", INTERNAL_TOKEN);
            catalog = ServiceProcess.start(
                    Path.of("..", "catalog-microservice", "target", "catalog-microservice-exec.jar"), environment);
        }
        return catalog;
    }

    /** Points a purchase service under test at its schema, the token stand-in and the real catalog. */
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("purchase").properties().forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("bookstore.purchase.catalog-url", () -> catalog().baseUrl());
    }

    /** Adds a book to the catalog through its staff API; returns its id. */
    static long book(String title, String price, int stock) {
        Http http = new Http(catalog().port());
        Http.Response created = http.post(
                "/api/books",
                "{\"isbn\":\"" + TestIsbns.next() + "\",\"title\":\"" + title
                        + "\",\"author\":\"T. Est\",\"description\":\"d\","
                        + "\"genre\":\"Fiction\",\"publishedYear\":2020,\"price\":\"" + price + "\",\"stock\":" + stock
                        + "}",
                "Authorization",
                "Bearer " + TOKENS.admin(1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static int stock(long bookId) {
        JsonNode book = new Http(catalog().port())
                .get("/api/books/" + bookId, "Cache-Control", "no-cache")
                .json();
        return book.get("stock").asInt();
    }

    static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
