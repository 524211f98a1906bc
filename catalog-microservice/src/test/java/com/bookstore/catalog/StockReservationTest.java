package com.bookstore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.AtOnce;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Stock reservations for orders, through the internal API, with many buyers at once. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bookstore.security.internal-token=" + StockReservationTest.INTERNAL)
class StockReservationTest {

    static final String INTERNAL = "internal-test-token";
    static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("catalog").properties().forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopTokens() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void twoHundredBuyersRacingForTwentyCopiesGetExactlyTwenty(ReplicaSet set) throws Exception {
        long book = createBook(20);
        List<Integer> statuses = AtOnce.run(
                200, () -> reserve(UUID.randomUUID().toString(), line(book, 1)).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(180);
        assertThat(stockOnPrimary(set, book)).isZero();
    }

    @Test
    void aReservationOfSeveralBooksIsAllOrNothingAndNamesWhatIsMissing(ReplicaSet set) {
        long plenty = createBook(5);
        long scarce = createBook(1);
        Http.Response refused = reserve(UUID.randomUUID().toString(), line(plenty, 2) + "," + line(scarce, 2));
        assertThat(refused.status()).isEqualTo(409);
        JsonNode missing = refused.json().get("unavailable");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).get("bookId").asLong()).isEqualTo(scarce);
        assertThat(missing.get(0).get("available").asInt()).isEqualTo(1);
        assertThat(refused.json().get("detail").asString()).contains("Not enough stock for");
        assertThat(stockOnPrimary(set, plenty))
                .as("nothing taken from the book that had enough")
                .isEqualTo(5);
        assertThat(stockOnPrimary(set, scarce)).isEqualTo(1);
    }

    @Test
    void repeatingAReservationNeverReservesTwiceAndReleaseRestoresExactlyOnce(ReplicaSet set) throws Exception {
        long book = createBook(10);
        String order = UUID.randomUUID().toString();
        List<Future<Http.Response>> attempts = new ArrayList<>();
        try (ExecutorService retries = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                attempts.add(retries.submit(() -> reserve(order, line(book, 3))));
            }
        }
        for (Future<Http.Response> attempt : attempts) {
            assertThat(attempt.get().status()).isEqualTo(200);
            assertThat(attempt.get().json().get("status").asString()).isEqualTo("RESERVED");
        }
        assertThat(reserve(order, line(book, 3)).status()).isEqualTo(200);
        assertThat(stockOnPrimary(set, book)).isEqualTo(7);

        for (int i = 0; i < 3; i++) {
            Http.Response released =
                    http.post("/internal/reservations/" + order + "/release", null, "X-Internal-Token", INTERNAL);
            assertThat(released.status()).isEqualTo(200);
            assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        }
        assertThat(stockOnPrimary(set, book)).isEqualTo(10);
    }

    @Test
    void thePriceLookupReadsCurrentPrices() {
        long book = createBook(4);
        Http.Response lookup =
                http.post("/internal/books/lookup", "{\"ids\":[" + book + "]}", "X-Internal-Token", INTERNAL);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get(0).get("price").asString()).isEqualTo("9.99");
        assertThat(lookup.json().get(0).get("stock").asInt()).isEqualTo(4);
    }

    @Test
    void internalCallsNeedTheInternalToken() {
        assertThat(http.post("/internal/reservations/x/release", null).status()).isEqualTo(401);
        assertThat(http.post("/internal/reservations/x/release", null, "X-Internal-Token", "wrong")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void badReservationsAre400() {
        assertThat(http.post(
                                "/internal/reservations/" + UUID.randomUUID(),
                                "{\"items\":[]}",
                                "X-Internal-Token",
                                INTERNAL)
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/internal/reservations/" + UUID.randomUUID(),
                                "{\"items\":[{\"bookId\":1,\"quantity\":0}]}",
                                "X-Internal-Token",
                                INTERNAL)
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/internal/reservations/bad%20id",
                                "{\"items\":[{\"bookId\":1,\"quantity\":1}]}", "X-Internal-Token", INTERNAL)
                        .status())
                .isEqualTo(400);
    }

    private Http.Response reserve(String order, String lines) {
        return http.post(
                "/internal/reservations/" + order, "{\"items\":[" + lines + "]}", "X-Internal-Token", INTERNAL);
    }

    private static String line(long book, int quantity) {
        return "{\"bookId\":" + book + ",\"quantity\":" + quantity + "}";
    }

    private long createBook(int stock) {
        Http.Response created = http.post(
                "/api/books",
                CatalogApiTest.book("Reserved " + UUID.randomUUID(), "R. Eserve", "Fiction", "9.99", stock, "d"),
                "Authorization",
                "Bearer " + TOKENS.admin(1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static int stockOnPrimary(ReplicaSet set, long book) {
        return Integer.parseInt(set.primary()
                .queryForString("SELECT stock FROM catalog.books WHERE id = " + book)
                .orElseThrow());
    }
}
