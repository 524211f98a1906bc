package com.bookstore.bench;

import com.bookstore.testkit.TestIsbns;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Checkout + payment with N concurrent customers through nginx (HTTPS, the local stack's own certificate): each
 * customer puts a book in the cart, places an order and pays it, over and over, until the total number of orders is
 * reached or the time is up. Prints orders per second, latency percentiles of one cart→order→payment round, and
 * every non-2xx answer. Usage: CheckoutLoad BASE_URL CERT_PEM AUTH_URL CUSTOMERS ORDERS SECONDS
 */
public final class CheckoutLoad {

    private static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"?([0-9a-f-]+)\"?");

    private CheckoutLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path cert = Path.of(args[1]);
        String auth = args[2];
        int customers = Integer.parseInt(args[3]);
        int totalOrders = Integer.parseInt(args[4]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[5]));

        SSLContext context = trusting(cert);
        HttpClient https = HttpClient.newBuilder().sslContext(context).build();
        HttpClient http = HttpClient.newHttpClient();
        String admin = login(http, auth, "admin@bookstore.test", "staff-only-bookstore-2026");
        String isbn = TestIsbns.next();
        HttpResponse<String> created = send(
                https,
                HttpRequest.newBuilder(URI.create(base + "/api/books"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"isbn\":\"" + isbn + "\",\"title\":\"Benchmark Book\","
                                        + "\"author\":\"B. Ench\",\"description\":\"For load tests.\",\"genre\":\"Computing\","
                                        + "\"publishedYear\":2026,\"price\":\"19.99\",\"stock\":1000000}")));
        Matcher bookId = ID.matcher(created.body());
        if (created.statusCode() != 201 || !bookId.find()) {
            throw new IllegalStateException("Could not create the benchmark book: " + created.body());
        }
        long book = Long.parseLong(bookId.group(1));

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String email = "load-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            send(
                    http,
                    json(
                            auth + "/api/auth/register",
                            "{\"email\":\"" + email
                                    + "\",\"password\":\"load-test-passphrase-2026\",\"displayName\":\"Load\"}",
                            null));
            tokens.add(login(http, auth, email, "load-test-passphrase-2026"));
        }

        AtomicInteger remaining = new AtomicInteger(totalOrders);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                // A connection of its own per customer, as each browser has (on one shared HTTP/2 connection 200
                // customers would be 200 streams, over nginx's 128 per connection).
                HttpClient browser = HttpClient.newBuilder().sslContext(context).build();
                pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> cart = send(
                                    browser,
                                    HttpRequest.newBuilder(URI.create(base + "/api/cart/items/" + book))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")));
                            check(cart, "cart", errors);
                            HttpResponse<String> order = send(
                                    browser,
                                    json(
                                            base + "/api/orders",
                                            "{\"shippingAddress\":{\"fullName\":\"Load Test\",\"line1\":\"1 Bench St\","
                                                    + "\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"},"
                                                    + "\"deliveryOption\":\"STANDARD\"}",
                                            token));
                            if (!check(order, "order", errors)) {
                                continue;
                            }
                            Matcher id = ID.matcher(order.body());
                            id.find();
                            HttpResponse<String> paid = send(
                                    browser,
                                    json(
                                                    base + "/api/orders/" + id.group(1) + "/payment",
                                                    "{\"cardNumber\":\"4242424242424242\",\"expiryMonth\":12,\"expiryYear\":2099,"
                                                            + "\"cvc\":\"123\",\"cardholderName\":\"Load Test\"}",
                                                    token)
                                            .header("Idempotency-Key", "load-" + UUID.randomUUID()));
                            if (check(paid, "payment", errors)) {
                                latencies.add(System.nanoTime() - t0);
                            }
                        } catch (Exception e) {
                            errors.computeIfAbsent(
                                            "exception " + e.getClass().getSimpleName() + " " + e.getMessage(),
                                            k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "customers %d, paid orders %d in %.1f s: %.1f orders/s%n",
                customers, sorted.size(), seconds, sorted.size() / seconds);
        if (!sorted.isEmpty()) {
            System.out.printf(
                    "cart+order+payment latency: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    percentile(sorted, 50),
                    percentile(sorted, 90),
                    percentile(sorted, 99),
                    sorted.getLast() / 1_000_000);
        }
        System.out.println("errors: " + (errors.isEmpty() ? "none" : errors));
    }

    private static boolean check(
            HttpResponse<String> response, String step, ConcurrentHashMap<String, AtomicInteger> errors) {
        if (response.statusCode() / 100 == 2) {
            return true;
        }
        errors.computeIfAbsent(step + " " + response.statusCode(), k -> new AtomicInteger())
                .incrementAndGet();
        return false;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }

    private static String login(HttpClient http, String auth, String email, String password) throws Exception {
        HttpResponse<String> response = send(
                http,
                json(
                        auth + "/api/auth/login",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                        null));
        Matcher matcher = ACCESS.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("Login failed for " + email + ": " + response.body());
        }
        return matcher.group(1);
    }

    private static HttpRequest.Builder json(String url, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry(
                    "bookstore-local", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
