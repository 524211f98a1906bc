package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.SmtpCatcher;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Forgot your password?" and the confirmation of an account's address, through a real SMTP server (GreenMail),
 * against the real primary and replicas.
 */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailedLinksTest {

    private static final String OLD = "the-password-before-the-reset";
    private static final String NEW = "a-brand-new-unusual-passphrase";

    @RegisterExtension
    static final SmtpCatcher MAIL = SmtpCatcher.onFreePort();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "100000");
        registry.add("bookstore.auth.throttle.resets-per-address", () -> "100000");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.port());
        registry.add("bookstore.site-url", () -> "https://shop.test/");
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = Http.readingItsWrites(port);
    }

    @Test
    void aMailedLinkSetsTheNewPasswordOnceAndEndsEverySession() {
        String email = unique();
        assertThat(register(email).status()).isEqualTo(201);
        Http.Response first = login(email, OLD);
        Http.Response second = login(email, OLD);
        assertThat(first.status()).isEqualTo(200);

        Http.Response asked = requestReset(email);
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body()).isEmpty();
        String token = tokenMailedTo(email);

        Http.Response weak = confirm(token, "short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"");

        assertThat(confirm(token, NEW).status()).isEqualTo(204);

        Http.Response again = confirm(token, "yet-another-long-passphrase");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"token\"", "used already");

        for (Http.Response session : List.of(first, second)) {
            String refresh = session.json().get("refreshToken").asString();
            assertThat(http.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}")
                            .status())
                    .as("an old session's refresh token")
                    .isEqualTo(401);
            String access = session.json().get("accessToken").asString();
            assertThat(http.get("/api/auth/me", "Authorization", Http.bearer(access))
                            .status())
                    .as("an old session's access token")
                    .isEqualTo(401);
        }
        assertThat(login(email, OLD).status()).isEqualTo(401);
        assertThat(login(email, NEW).status()).isEqualTo(200);
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoMail() throws Exception {
        String nobody = unique();
        Http.Response asked = requestReset(nobody);
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body()).isEmpty();
        String somebody = unique();
        register(somebody);
        requestReset(somebody);
        tokenMailedTo(somebody); // mail that was asked after it has arrived: none for the address without an account
        assertThat(messagesTo(nobody)).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefused(ReplicaSet set) {
        String email = unique();
        register(email);
        requestReset(email);
        String token = tokenMailedTo(email);
        set.primary()
                .execute("UPDATE auth.password_resets SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE user_id ="
                        + " (SELECT id FROM auth.users WHERE email = '" + email + "')");
        Http.Response expired = confirm(token, NEW);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("\"field\":\"token\"", "30 minutes");
        assertThat(confirm("not-a-token-we-ever-made", NEW).status()).isEqualTo(400);
        assertThat(http.post("/api/auth/password-reset/confirm", "{\"password\":\"" + NEW + "\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aMailServerThatIsDownNeverFailsTheRequestAndTheMailFollowsWhenItIsBack() {
        String email = unique();
        register(email);
        MAIL.stop();
        try {
            assertThat(requestReset(email).status()).isEqualTo(202);
        } finally {
            MAIL.start();
        }
        assertThat(tokenMailedTo(email)).hasSize(43);
    }

    @Test
    void aNewAccountIsMailedALinkThatConfirmsItsAddress() {
        String email = unique();
        register(email);
        String access = login(email, OLD).json().get("accessToken").asString();
        assertThat(me(access).get("emailConfirmed").asBoolean()).isFalse();

        String token = tokenMailedTo(email, "confirm");
        Http.Response page = http.get("/account/confirm?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("your e-mail address is confirmed");
        assertThat(me(access).get("emailConfirmed").asBoolean()).isTrue();

        Http.Response again = http.get("/account/confirm?token=" + token);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("does not work any more");
        assertThat(http.post("/api/auth/confirm-email/resend", "{}", "Authorization", Http.bearer(access))
                        .status())
                .as("nothing to resend once confirmed")
                .isEqualTo(409);
    }

    @Test
    void anAccountAsksForANewConfirmationLinkAndConfirmsThroughTheApi() {
        String email = unique();
        register(email);
        String first = tokenMailedTo(email, "confirm");
        String access = login(email, OLD).json().get("accessToken").asString();
        assertThat(http.post("/api/auth/confirm-email/resend", "{}", "Authorization", Http.bearer(access))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> linksMailedTo(email, "confirm") == 2);
        String second = tokenMailedTo(email, "confirm");
        assertThat(second).isNotEqualTo(first);

        assertThat(http.post("/api/auth/confirm-email", "{\"token\":\"" + second + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(me(access).get("emailConfirmed").asBoolean()).isTrue();
        Http.Response spent = http.post("/api/auth/confirm-email", "{\"token\":\"" + first + "\"}");
        assertThat(spent.status()).as("the older link is spent with it").isEqualTo(400);
        assertThat(spent.body()).contains("\"field\":\"token\"");
        assertThat(http.post("/api/auth/confirm-email/resend", "{}").status())
                .as("only a signed-in account asks")
                .isEqualTo(401);
    }

    private tools.jackson.databind.JsonNode me(String access) {
        return http.get("/api/auth/me", "Authorization", Http.bearer(access)).json();
    }

    @Test
    void requestsForOneAccountAreThrottled() {
        String email = unique();
        register(email);
        for (int i = 0; i < 5; i++) {
            assertThat(requestReset(email).status()).isEqualTo(202);
        }
        Http.Response throttled = requestReset(email);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(requestReset(unique()).status()).as("another address").isEqualTo(202);
    }

    /** The token of the newest link to {@code /account/<page>} mailed to the address (waits up to 30 s for one). */
    private String tokenMailedTo(String email, String page) {
        Pattern link = Pattern.compile("https://shop\\.test/account/" + page + "\\?token=([A-Za-z0-9_-]{43})");
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (MimeMessage mail : messagesTo(email).reversed()) {
                Matcher found = link.matcher(SmtpCatcher.text(mail));
                if (found.find()) {
                    token[0] = found.group(1);
                    return true;
                }
            }
            return false;
        });
        return token[0];
    }

    private String tokenMailedTo(String email) {
        return tokenMailedTo(email, "reset");
    }

    private long linksMailedTo(String email, String page) {
        return messagesTo(email).stream()
                .filter(mail -> SmtpCatcher.text(mail).contains("/account/" + page + "?token"))
                .count();
    }

    private static List<MimeMessage> messagesTo(String email) {
        return MAIL.to(email);
    }

    private Http.Response register(String email) {
        return http.post(
                "/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + OLD + "\",\"displayName\":\"Forgetful Reader\"}");
    }

    private Http.Response login(String email, String password) {
        return http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private Http.Response requestReset(String email) {
        return http.post("/api/auth/password-reset", "{\"email\":\"" + email + "\"}");
    }

    private Http.Response confirm(String token, String password) {
        return http.post(
                "/api/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
    }

    private static String unique() {
        return "forgetful-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
