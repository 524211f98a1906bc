package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.ServiceProcess;
import com.bookstore.testkit.SmtpCatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purchase service is killed ({@code kill -9}) right after a payment commits, before its outbox relays ran; once
 * restarted, the delivery exists exactly once, and the order's two e-mails (received, paid) leave once each, in order.
 */
@ExtendWith(ReplicaSetExtension.class)
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "purchase-microservice-exec.jar");

    @RegisterExtension
    static final SmtpCatcher MAIL = SmtpCatcher.onFreePort();

    @Test
    void aPaymentCommittedJustBeforeACrashGetsExactlyOneDeliveryAfterRestart(ReplicaSet set) {
        Map<String, String> environment =
                new HashMap<>(ReplicaSetExtension.schema("purchase").environment());
        environment.putAll(CatalogForTests.TOKENS.environment());
        environment.put("BOOKSTORE_SECURITY_INTERNALTOKEN", CatalogForTests.INTERNAL_TOKEN);
        environment.put(
                "BOOKSTORE_PURCHASE_CATALOGURL", CatalogForTests.catalog().baseUrl());
        environment.put("BOOKSTORE_PURCHASE_CARRIERSTEP", "1h");
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", Integer.toString(MAIL.port()));
        long user = 60_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        String address = "reader-" + user + "@example.com";

        Map<String, String> relayIdle = new HashMap<>(environment);
        relayIdle.put("BOOKSTORE_PURCHASE_OUTBOXINTERVAL", "1h");
        relayIdle.put("BOOKSTORE_PURCHASE_MAILINTERVAL", "1h");
        ServiceProcess first = ServiceProcess.start(JAR, relayIdle);
        String orderId;
        try {
            Http http = new Http(first.port());
            String customer = "Bearer " + CatalogForTests.TOKENS.customer(user);
            long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Crash"), "11.00", 5);
            http.put("/api/cart/items/" + book, "{\"quantity\":1}", "Authorization", customer);
            orderId = http.post(
                            "/api/orders",
                            "{\"shippingAddress\":" + PurchaseFlowTest.ADDRESS + ",\"deliveryOption\":\"EXPRESS\"}",
                            "Authorization",
                            customer)
                    .json()
                    .get("id")
                    .asString();
            Http.Response paid = http.post(
                    "/api/orders/" + orderId + "/payment",
                    PaymentAndDeliveryTest.GOOD_CARD,
                    "Authorization",
                    customer,
                    "Idempotency-Key",
                    PaymentAndDeliveryTest.key());
            assertThat(paid.status()).isEqualTo(200);
        } finally {
            first.kill();
        }
        assertThat(count(set, "payments", orderId)).isEqualTo(1);
        assertThat(count(set, "deliveries", orderId))
                .as("the relay had not run")
                .isZero();
        assertThat(count(set, "mail_outbox", orderId)).as("two e-mails owed").isEqualTo(2);
        assertThat(MAIL.to(address)).as("none sent before the crash").isEmpty();

        Map<String, String> relayBusy = new HashMap<>(environment);
        relayBusy.put("BOOKSTORE_PURCHASE_OUTBOXINTERVAL", "200ms");
        relayBusy.put("BOOKSTORE_PURCHASE_MAILINTERVAL", "200ms");
        try (ServiceProcess second = ServiceProcess.start(JAR, relayBusy)) {
            String id = orderId;
            await().atMost(Duration.ofSeconds(30)).until(() -> count(set, "deliveries", id) == 1);
            sleep(Duration.ofSeconds(2));
            assertThat(count(set, "deliveries", id)).isEqualTo(1);
            assertThat(count(set, "delivery_events", id)).isEqualTo(1);
            assertThat(set.primary()
                            .queryForString("SELECT COUNT(*) FROM purchase.outbox WHERE order_id = '" + id
                                    + "' AND processed_at IS NULL")
                            .orElseThrow())
                    .isEqualTo("0");
            assertThat(second.pid()).isNotEqualTo(first.pid());
            await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.to(address).size() >= 2);
            sleep(Duration.ofSeconds(2));
            assertThat(MAIL.to(address))
                    .extracting(SmtpCatcher::subject)
                    .containsExactly(
                            "We have your order " + id.substring(0, 8).toUpperCase(Locale.ROOT),
                            "Your order " + id.substring(0, 8).toUpperCase(Locale.ROOT) + " is paid");
        }
    }

    private static long count(ReplicaSet set, String table, String orderId) {
        return Long.parseLong(set.primary()
                .queryForString("SELECT COUNT(*) FROM purchase." + table + " WHERE order_id = '" + orderId + "'")
                .orElseThrow());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
