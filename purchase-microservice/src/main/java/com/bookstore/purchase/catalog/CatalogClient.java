package com.bookstore.purchase.catalog;

import com.bookstore.platform.consistency.ConsistencyContext;
import com.bookstore.platform.consistency.ConsistencyToken;
import com.bookstore.platform.security.InternalCalls;
import com.bookstore.platform.security.SecurityProperties;
import com.bookstore.purchase.config.PurchaseProperties;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The purchase service's calls to the catalog's internal API: current prices, and the stock reservation of an
 * order. Every call is bounded in time. Reservations and releases are idempotent per order id at the catalog, so
 * a call whose answer was lost is simply repeated with the same id; never is a new id used for a retry.
 */
@Component
public class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);
    private static final int ATTEMPTS = 3;

    private final RestClient rest;

    /** The builder is Spring Boot's: it carries the request's trace to the catalog (W3C traceparent). */
    CatalogClient(PurchaseProperties properties, SecurityProperties security, RestClient.Builder builder) {
        // The client's own work on virtual threads: its default executor grew a platform thread per call in
        // flight (42 under 50 customers checking out), each with its stack and native memory.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.catalogTimeout());
        this.rest = builder.clone()
                .baseUrl(properties.catalogUrl().toString())
                .requestFactory(requests)
                .defaultHeader(InternalCalls.HEADER, security.internalToken() == null ? "" : security.internalToken())
                .build();
    }

    /**
     * Title, price and stock of each book that still exists, by id, to show (a cart): read from the catalog's
     * replicas, with this request's consistency token, so it works while the writer is away.
     */
    public Map<Long, PricedBook> lookup(Collection<Long> ids) {
        return lookup(ids, "/internal/books/lookup?fresh=false");
    }

    /** The same, to price an order: read on the catalog's writer, never a stale replica. */
    public Map<Long, PricedBook> lookupForPricing(Collection<Long> ids) {
        return lookup(ids, "/internal/books/lookup?fresh=true");
    }

    private Map<Long, PricedBook> lookup(Collection<Long> ids, String path) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Reply reply = withRetries("price lookup", () -> post(path, Map.of("ids", List.copyOf(ids))));
        if (reply.status() != 200 || reply.body() == null || !reply.body().isArray()) {
            // Not an answer we can read (a refused internal token, a validation problem): say so, don't guess.
            log.warn("Catalog price lookup answered HTTP {}: {}", reply.status(), abbreviated(reply.body()));
            throw new CatalogUnavailableException("price lookup", new IllegalStateException("HTTP " + reply.status()));
        }
        Map<Long, PricedBook> books = new LinkedHashMap<>();
        for (JsonNode book : reply.body()) {
            books.put(
                    book.get("id").asLong(),
                    new PricedBook(
                            book.get("id").asLong(),
                            book.get("title").asString(),
                            new BigDecimal(book.get("price").asString()),
                            book.get("currency").asString(),
                            book.get("stock").asInt()));
        }
        return books;
    }

    /** Reserves all lines of an order, or none; a shortage comes back with the books that lack copies. */
    public ReservationOutcome reserve(String orderId, List<Line> lines) {
        List<Map<String, Object>> items = lines.stream()
                .map(line -> Map.<String, Object>of("bookId", line.bookId(), "quantity", line.quantity()))
                .toList();
        Reply reply =
                withRetries("reservation", () -> post("/internal/reservations/" + orderId, Map.of("items", items)));
        if (reply.status() == 200) {
            return ReservationOutcome.success();
        }
        if (reply.status() == 409) {
            List<Shortage> shortages = new ArrayList<>();
            for (JsonNode shortage : reply.body().get("unavailable")) {
                shortages.add(new Shortage(
                        shortage.get("bookId").asLong(),
                        shortage.get("title").asString(),
                        shortage.get("requested").asInt(),
                        shortage.get("available").asInt()));
            }
            return ReservationOutcome.shortOf(shortages);
        }
        throw new IllegalStateException("The catalog refused reservation " + orderId + ": HTTP " + reply.status());
    }

    /** Gives an order's reserved copies back (idempotent). */
    public void release(String orderId) {
        Reply reply = withRetries("release", () -> post("/internal/reservations/" + orderId + "/release", Map.of()));
        if (reply.status() != 200) {
            throw new IllegalStateException("The catalog refused to release " + orderId + ": HTTP " + reply.status());
        }
    }

    private Reply post(String path, Object body) {
        return rest.post()
                .uri(path)
                .headers(headers -> ConsistencyContext.requiredPosition()
                        .ifPresent(position -> headers.set(ConsistencyToken.NAME, ConsistencyToken.encode(position))))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) ->
                        new Reply(response.getStatusCode().value(), response.bodyTo(JsonNode.class)));
    }

    private Reply withRetries(String what, Supplier<Reply> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Reply reply = call.get();
                if (reply.status() < 500) {
                    return reply;
                }
                last = new IllegalStateException("HTTP " + reply.status());
                if (reply.status() == 503) {
                    // The catalog answered, and says its database is away: asking again at once only adds our
                    // waits to its own. The caller answers 503 with Retry-After in turn.
                    break;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            log.warn("Catalog {} failed (attempt {} of {}): {}", what, attempt, ATTEMPTS, last.toString());
            sleep(Duration.ofMillis(150L * attempt));
        }
        throw new CatalogUnavailableException(what, last);
    }

    private static String abbreviated(JsonNode body) {
        String text = String.valueOf(body);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, JsonNode body) {}

    public record PricedBook(long id, String title, BigDecimal price, String currency, int stock) {}

    public record Line(long bookId, int quantity) {}

    public record Shortage(long bookId, String title, int requested, int available) {}

    /** Either reserved, or short of some books. */
    public record ReservationOutcome(boolean reserved, List<Shortage> shortages) {
        static ReservationOutcome success() {
            return new ReservationOutcome(true, List.of());
        }

        static ReservationOutcome shortOf(List<Shortage> shortages) {
            return new ReservationOutcome(false, List.copyOf(shortages));
        }
    }
}
