package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.AtOnce;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Idempotent payment, the delivery it starts, the carrier and staff moving it, refunds. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.payment-window=1h",
            "bookstore.purchase.outbox-interval=300ms",
            "bookstore.purchase.carrier-step=1s"
        })
class PaymentAndDeliveryTest {

    static final String GOOD_CARD = card("4242424242424242");

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
    }

    @LocalServerPort
    int port;

    private Http http;
    private Shop shop;
    private final String staff = "Bearer " + CatalogForTests.TOKENS.admin(1);

    @BeforeEach
    void client() {
        http = new Http(port);
        shop = new Shop(http);
    }

    @Test
    void aPaidOrderIsDeliveredByTheCarrierWithItsTimeline() {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 2);
        Http.Response paid = shop.pay(customer, id);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        JsonNode order = paid.json();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("payment").get("amount").asString())
                .isEqualTo(order.get("total").asString());
        assertThat(order.get("payment").get("brand").asString()).isEqualTo("VISA");
        assertThat(order.get("payment").get("last4").asString()).isEqualTo("4242");
        assertThat(paid.body()).doesNotContain("4242424242424242");

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(customer, id)));
        JsonNode delivery = get(customer, id).get("delivery");
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("carrier").asString()).isEqualTo("Parcelway");
        assertThat(delivery.get("trackingNumber").asString()).startsWith("PW");
        assertThat(delivery.get("events").findValuesAsString("status"))
                .containsExactly("PREPARING", "SHIPPED", "IN_TRANSIT", "DELIVERED");
    }

    @Test
    void theSameKeyTenTimesInARowChargesOnceAndAnswersTheSame(ReplicaSet set) {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        String key = key();
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Http.Response response = shop.pay(customer, id, key, GOOD_CARD);
            assertThat(response.status()).isEqualTo(200);
            answers.add(response.body());
        }
        assertThat(answers).hasSize(1);
        assertThat(payments(set, id)).isEqualTo(1);
    }

    @Test
    void theSameKeyTenTimesAtOnceChargesOnceAndAnswersTheSame(ReplicaSet set) throws Exception {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        String key = key();
        Set<String> answers = new HashSet<>();
        for (Http.Response response : AtOnce.run(10, () -> shop.pay(customer, id, key, GOOD_CARD))) {
            assertThat(response.status()).isEqualTo(200);
            answers.add(response.body());
        }
        assertThat(answers).hasSize(1);
        assertThat(payments(set, id)).isEqualTo(1);
    }

    @Test
    void keysAreRequiredAndCannotBeReusedForAnotherRequest() {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        Http.Response noKey = http.post("/api/orders/" + id + "/payment", GOOD_CARD, "Authorization", customer);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");

        String key = key();
        assertThat(shop.pay(customer, id, key, card("4000000000000002")).status())
                .isEqualTo(402);
        Http.Response reused = shop.pay(customer, id, key, GOOD_CARD);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayableAndPayingTwiceIsAConflict(ReplicaSet set) {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        Http.Response declined = shop.pay(customer, id, key(), card("4000000000000002"));
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().get("detail").asString()).contains("declined");
        Http.Response funds = shop.pay(customer, id, key(), card("4000000000009995"));
        assertThat(funds.status()).isEqualTo(402);
        assertThat(funds.json().get("detail").asString()).contains("insufficient funds");
        assertThat(status(customer, id)).isEqualTo("PENDING_PAYMENT");

        assertThat(shop.pay(customer, id).status()).isEqualTo(200);
        assertThat(shop.pay(customer, id).status()).as("paying twice").isEqualTo(409);
        assertThat(payments(set, id)).isEqualTo(1);
    }

    @Test
    void badCardDataIs400AndRecordsNothing() {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        Http.Response luhn = shop.pay(customer, id, key(), card("4242424242424241"));
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.json().get("errors").get(0).get("field").asString()).isEqualTo("cardNumber");
        assertThat(shop.pay(customer, id, key(), GOOD_CARD.replace("\"expiryYear\":2099", "\"expiryYear\":2020"))
                        .status())
                .as("expired")
                .isEqualTo(400);
        assertThat(shop.pay(customer, id, key(), GOOD_CARD.replace("\"cvc\":\"123\"", "\"cvc\":\"12\""))
                        .status())
                .isEqualTo(400);
        assertThat(status(customer, id)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void staffShipAndDeliverInOrderOnly() {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        assertThat(http.post("/api/admin/orders/" + id + "/ship", null, "Authorization", staff)
                        .status())
                .as("shipping an unpaid order")
                .isEqualTo(409);
        assertThat(http.post("/api/admin/orders/" + id + "/ship", null, "Authorization", customer)
                        .status())
                .as("a customer")
                .isEqualTo(403);
        shop.pay(customer, id);
        assertThat(http.post("/api/admin/orders/" + id + "/deliver", null, "Authorization", staff)
                        .status())
                .as("delivering before shipping")
                .isEqualTo(409);
        Http.Response shipped = http.post("/api/admin/orders/" + id + "/ship", null, "Authorization", staff);
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(http.post("/api/admin/orders/" + id + "/ship", null, "Authorization", staff)
                        .status())
                .as("shipping twice")
                .isEqualTo(409);
        assertThat(http.get("/api/admin/orders?status=SHIPPED", "Authorization", staff)
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .contains(id);
    }

    @Test
    void cancellingAPaidOrderRefundsAndReleasesStock() {
        String customer = PurchaseFlowTest.customer();
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Refunded"), "15.00", 3);
        shop.putInCart(customer, book, 2);
        String id = shop.order(customer);
        shop.pay(customer, id);
        assertThat(CatalogForTests.stock(book)).isEqualTo(1);

        Http.Response cancelled = http.post("/api/orders/" + id + "/cancel", null, "Authorization", customer);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("payment").get("status").asString()).isEqualTo("REFUNDED");
        assertThat(cancelled.json().get("payment").get("refundedAt").isNull()).isFalse();
        assertThat(CatalogForTests.stock(book)).isEqualTo(3);
    }

    @Test
    void aCustomerCannotPayAnotherCustomersOrder() {
        String owner = PurchaseFlowTest.customer();
        String id = shop.placeOrder(owner, "Paid", "10.00", 1);
        assertThat(shop.pay(PurchaseFlowTest.customer(), id).status()).isEqualTo(404);
        assertThat(status(owner, id)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void rightAfterPayingTheOrderShowsPaidWhileReplicasLag(ReplicaSet set) {
        String customer = PurchaseFlowTest.customer();
        String id = shop.placeOrder(customer, "Paid", "10.00", 1);
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.replicas().forEach(replica -> set.delay(replica, 30));
        try {
            Http.Response paid = shop.pay(customer, id);
            String token = paid.header("Consistency-Token");
            assertThat(token).isNotBlank();
            JsonNode order = http.get("/api/orders/" + id, "Authorization", customer, "Consistency-Token", token)
                    .json();
            assertThat(order.get("status").asString()).isEqualTo("PAID");
        } finally {
            set.heal();
        }
    }

    private JsonNode get(String customer, String id) {
        return http.get("/api/orders/" + id, "Authorization", customer).json();
    }

    private String status(String customer, String id) {
        return get(customer, id).get("status").asString();
    }

    private static long payments(ReplicaSet set, String orderId) {
        return Long.parseLong(set.primary()
                .queryForString("SELECT COUNT(*) FROM purchase.payments WHERE order_id = '" + orderId + "'")
                .orElseThrow());
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    static String card(String number) {
        return "{\"cardNumber\":\"" + number + "\",\"expiryMonth\":12,\"expiryYear\":2099,\"cvc\":\"123\","
                + "\"cardholderName\":\"Ada Lovelace\"}";
    }
}
