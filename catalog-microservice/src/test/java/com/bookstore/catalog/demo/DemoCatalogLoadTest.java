package com.bookstore.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local stack's demo catalog, loaded into a schema of its own and searched as a customer would. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bookstore.catalog.demo-data=true")
class DemoCatalogLoadTest {

    static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("catalog_demo").properties().forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopTokens() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theDemoCatalogIsLoadedAndSearchable() throws InterruptedException {
        // The demo rows were just written to the primary at start-up; these reads go to the replicas.
        ReplicaSetExtension.replicaSet().awaitReplicasCaughtUp(Duration.ofSeconds(10));
        Http http = new Http(port);
        assertThat(http.get("/api/books?size=1").json().get("totalItems").asLong())
                .isGreaterThanOrEqualTo(200);
        // The search index follows the replicas within one refresh (1 s).
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (http.get("/api/books?q=tolstoy").json().get("items").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(http.get("/api/books?q=tolstoy").json().get("items").findValuesAsString("title"))
                .contains("War and Peace", "Anna Karenina");
        assertThat(http.get("/api/books?q=white+whale").json().get("items").findValuesAsString("title"))
                .contains("Moby-Dick");
        assertThat(http.get("/api/genres").json().findValuesAsString("genre")).contains("Classics", "Computing");
        Http.Response cover = http.get("/covers/1.svg");
        assertThat(cover.status()).isEqualTo(200);
        assertThat(cover.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(cover.body()).contains("<svg", "</svg>");
    }
}
