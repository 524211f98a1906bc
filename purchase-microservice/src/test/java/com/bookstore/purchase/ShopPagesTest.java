package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The customer's pages as a browser walks them: cart, checkout, a declined card, payment, the order page. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.payment-window=1h"
        })
class ShopPagesTest {

    private static final String HTML = "text/html";

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCustomerFillsTheCartChecksOutIsDeclinedOnceThenPays() {
        String bearer = PurchaseFlowTest.customer();
        String session = "__Host-access_token=" + bearer.substring("Bearer ".length());
        String title = CatalogForTests.uniqueTitle("Paged");
        long book = CatalogForTests.book(title, "8.50", 5);
        http.put("/api/cart/items/" + book, "{\"quantity\":1}", "Authorization", bearer);

        Http.Response cart = http.get("/cart", "Accept", HTML, "Cookie", session);
        assertThat(cart.body()).contains(title, "Go to checkout", "8.50 EUR");
        String cookies = session + "; XSRF-TOKEN=" + cart.cookie("XSRF-TOKEN");
        String csrf = csrf(cart.body());

        Http.Response added =
                http.form("/cart/items", "_csrf=" + enc(csrf) + "&bookId=" + book + "&quantity=1", "Cookie", cookies);
        assertThat(added.status()).isEqualTo(302);
        assertThat(http.get("/cart", "Accept", HTML, "Cookie", session).body()).contains("17.00 EUR");

        Http.Response badCheckout = http.form(
                "/checkout",
                "_csrf=" + enc(csrf)
                        + "&fullName=Ada&line1=1+Road&city=&postalCode=N1&country=Germany&deliveryOption=STANDARD",
                "Cookie",
                cookies);
        assertThat(badCheckout.status()).isEqualTo(400);
        assertThat(badCheckout.body()).contains("id=\"city-error\"", "id=\"country-error\"");

        Http.Response placed = http.form(
                "/checkout",
                "_csrf=" + enc(csrf)
                        + "&fullName=Ada+Lovelace&line1=1+Road&city=London&postalCode=N1+9GU&country=gb&deliveryOption=EXPRESS",
                "Cookie",
                cookies);
        assertThat(placed.status()).isEqualTo(302);
        String payPath = placed.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(payPath).matches("/orders/[0-9a-f-]{36}/pay");

        Http.Response payPage = http.get(payPath, "Accept", HTML, "Cookie", session);
        assertThat(payPage.body()).contains("<label for=\"cardNumber\">", "autocomplete=\"cc-number\"");
        String key = field(payPage.body(), "idempotencyKey");
        String card = "&expiryMonth=12&expiryYear=2099&cvc=123&cardholderName=Ada+Lovelace";
        Http.Response declined = http.form(
                payPath,
                "_csrf=" + enc(csrf) + "&idempotencyKey=" + key + "&cardNumber=4000000000000002" + card,
                "Cookie",
                cookies);
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.body()).contains("Your card was declined");
        String newKey = field(declined.body(), "idempotencyKey");
        assertThat(newKey).isNotEqualTo(key);

        Http.Response paid = http.form(
                payPath,
                "_csrf=" + enc(csrf) + "&idempotencyKey=" + newKey + "&cardNumber=4242+4242+4242+4242" + card,
                "Cookie",
                cookies);
        assertThat(paid.status()).isEqualTo(302);
        String orderPath = payPath.replace("/pay", "");
        // As a browser does: the consistency cookie the payment set comes back, so a lagging replica is not read.
        String token = paid.cookie("Consistency-Token");
        assertThat(token).isNotBlank();
        Http.Response order = http.get(orderPath, "Accept", HTML, "Cookie", session + "; Consistency-Token=" + token);
        assertThat(order.body())
                .contains("PAID", "VISA ending 4242", "Delivery (EXPRESS)")
                .doesNotContain("4242424242424242");
        assertThat(http.get("/orders", "Accept", HTML, "Cookie", session).body())
                .contains(orderPath);
    }

    @Test
    void staffSeeAllOrdersWithTheirActionsAndCustomersDoNot() {
        String staff = "__Host-access_token=" + CatalogForTests.TOKENS.admin(1);
        Http.Response page = http.get("/admin/orders", "Accept", HTML, "Cookie", staff);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Staff: orders", "<label for=\"status\">Status</label>");
        String customer = "__Host-access_token=" + PurchaseFlowTest.customer().substring("Bearer ".length());
        assertThat(http.get("/admin/orders", "Accept", HTML, "Cookie", customer).status())
                .isEqualTo(403);
        assertThat(http.get("/orders", "Accept", HTML).status())
                .as("signed out")
                .isEqualTo(302);
    }

    @Test
    void formsWithBookIdsThatAreMissingWrongOrUnknownAreA400Or404PageNeverAStoredRow() {
        String bearer = PurchaseFlowTest.customer();
        String session = "__Host-access_token=" + bearer.substring("Bearer ".length());
        long book = CatalogForTests.book(CatalogForTests.uniqueTitle("Real"), "5.00", 5);
        http.put("/api/cart/items/" + book, "{\"quantity\":1}", "Authorization", bearer); // the cart page has forms
        Http.Response cartPage = http.get("/cart", "Accept", HTML, "Cookie", session);
        String cookies = session + "; XSRF-TOKEN=" + cartPage.cookie("XSRF-TOKEN");
        String token = "_csrf=" + enc(csrf(cartPage.body()));

        assertThat(http.form("/cart/items", token + "&quantity=1", "Cookie", cookies)
                        .status())
                .as("no bookId")
                .isEqualTo(400);
        assertThat(http.form("/cart/items", token + "&bookId=abc", "Cookie", cookies)
                        .status())
                .as("a bookId in words")
                .isEqualTo(400);
        for (String id : List.of("999999999", "-5", "9223372036854775807")) {
            Http.Response response = http.form("/cart/items/" + id, token + "&quantity=2", "Cookie", cookies);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.body()).as(id).contains("Page not found");
        }
        assertThat(http.form("/cart/items/99999999999999999999", token + "&quantity=2", "Cookie", cookies)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/cart", "Authorization", bearer).json().get("items").findValues("bookId").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .as("nothing but the real book was stored")
                .containsExactly(book);

        String staff = "__Host-access_token=" + CatalogForTests.TOKENS.admin(1);
        assertThat(http.get("/admin/orders?page=abc", "Accept", HTML, "Cookie", staff)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/orders/not-an-order", "Accept", HTML, "Cookie", session)
                        .status())
                .isLessThan(500);
    }

    private static String csrf(String html) {
        return field(html, "_csrf");
    }

    private static String field(String html, String name) {
        Matcher matcher =
                Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            matcher = Pattern.compile("id=\"" + name + "\" name=\"" + name + "\" value=\"([^\"]+)\"")
                    .matcher(html);
            assertThat(matcher.find()).as(name + " in the page").isTrue();
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
