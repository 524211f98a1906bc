package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.AtOnce;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Accounts and sessions over HTTP, against the real primary and replicas. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuthFlowTest.StoppableTime.class)
class AuthFlowTest {

    private static final String PASSWORD = "a-long-and-unusual-passphrase";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        // Every test here registers from loopback; RegistrationLimitTest covers the per-address limit.
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "100000");
    }

    @LocalServerPort
    int port;

    @Autowired
    StoppableClock clock;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void registerLoginMeRefreshLogout() {
        String email = unique("reader");
        Http.Response registered = register(email, PASSWORD);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email);
        assertThat(registered.json().get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(registered.body()).doesNotContain("password", "argon2");

        Http.Response login = login(email, PASSWORD, "10.0.0.1");
        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isBetween(1L, 600L);
        assertThat(login.headers("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("__Host-access_token=")
                        .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/"))
                .anySatisfy(
                        c -> assertThat(c).startsWith("__Host-refresh_token=").contains("Secure", "HttpOnly"));
        String access = tokens.get("accessToken").asString();
        String refresh = tokens.get("refreshToken").asString();

        Http.Response me = http.get("/api/auth/me", "Authorization", Http.bearer(access));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);

        Http.Response refreshed = http.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().get("accessToken").asString();
        String newRefresh = refreshed.json().get("refreshToken").asString();
        assertThat(newRefresh).isNotEqualTo(refresh);
        assertThat(newAccess).isNotEqualTo(access);

        Http.Response logout = http.post(
                "/api/auth/logout",
                "{\"refreshToken\":\"" + newRefresh + "\"}",
                "Authorization",
                Http.bearer(newAccess));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", "Authorization", Http.bearer(newAccess))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", "{\"refreshToken\":\"" + newRefresh + "\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTakenEmailIs409WhateverItsCase() {
        String email = unique("taken");
        assertThat(register(email, PASSWORD).status()).isEqualTo(201);
        Http.Response again = register(email.toUpperCase(), PASSWORD);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void weakPasswordsAre400WithAFieldError() {
        for (String weak : List.of("short-pass", "123qweasdzxc", "QWERTY123456")) {
            Http.Response response = register(unique("weak"), weak);
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("password");
        }
        Http.Response badEmail = register("not-an-email", PASSWORD);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void theStoredHashIsArgon2idWithOwaspParameters(ReplicaSet set) {
        String email = unique("hash");
        register(email, PASSWORD);
        String hash = set.primary()
                .queryForString("SELECT password_hash FROM auth.users WHERE email = '" + email + "'")
                .orElseThrow();
        assertThat(hash).matches("\\{argon2}\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesItsWholeFamily() {
        String email = unique("reuse");
        register(email, PASSWORD);
        String first =
                login(email, PASSWORD, "10.0.0.2").json().get("refreshToken").asString();
        Http.Response rotated = http.post("/api/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
        String second = rotated.json().get("refreshToken").asString();

        assertThat(http.post("/api/auth/refresh", "{\"refreshToken\":\"" + first + "\"}")
                        .status())
                .as("the rotated token used again")
                .isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", "{\"refreshToken\":\"" + second + "\"}")
                        .status())
                .as("its successor is revoked with the family")
                .isEqualTo(401);
    }

    @Test
    void twentyWrongPasswordsAreThrottledWithin10AndAnotherAccountStillLogsIn() {
        String victim = unique("victim");
        String other = unique("other");
        register(victim, PASSWORD);
        register(other, PASSWORD);
        String address = "10.0.1.1";

        // The service's time stands still here: the first waits (1 s, 2 s, …) cannot run out between attempts
        // however slow this machine is, so what is counted is the throttle's rule, not the machine's speed.
        clock.stop();
        try {
            List<Integer> statuses = new ArrayList<>();
            Http.Response firstThrottled = null;
            for (int i = 0; i < 20; i++) {
                Http.Response response = login(victim, "wrong-password-" + i, address);
                statuses.add(response.status());
                if (response.status() == 429 && firstThrottled == null) {
                    firstThrottled = response;
                }
            }
            assertThat(statuses.indexOf(429)).as("statuses %s", statuses).isBetween(0, 9);
            assertThat(statuses).containsOnly(401, 429);
            assertThat(Long.parseLong(firstThrottled.header("Retry-After"))).isPositive();
            assertThat(firstThrottled.header("Content-Type")).isEqualTo("application/problem+json");

            assertThat(login(other, PASSWORD, address).status()).isEqualTo(200);
            assertThat(login(victim, PASSWORD, address).status())
                    .as("even the right password waits while the account is throttled")
                    .isEqualTo(429);
        } finally {
            clock.run();
        }
    }

    @Test
    void anUnknownEmailIsIndistinguishableFromAWrongPassword() {
        String known = unique("known");
        register(known, PASSWORD);
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        Http.Response unknown = null;
        Http.Response wrong = null;
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            unknown = login(unique("nobody"), "wrong-password", "10.0.2." + i);
            unknownTimes.add(System.nanoTime() - started);
            started = System.nanoTime();
            wrong = login(known, "wrong-password", "10.0.3." + i);
            wrongTimes.add(System.nanoTime() - started);
        }
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        // Both run one Argon2id verification; without the dummy one an unknown address answers ~20x faster.
        assertThat(median(unknownTimes)).isGreaterThan(median(wrongTimes) / 3);
    }

    @Test
    void aUserCanLogInRightAfterRegisteringWhileReplicasLag(ReplicaSet set) {
        set.replicas().forEach(replica -> set.delay(replica, 30));
        try {
            String email = unique("fresh");
            assertThat(register(email, PASSWORD).status()).isEqualTo(201);
            Http.Response login = login(email, PASSWORD, "10.0.4.1");
            assertThat(login.status()).isEqualTo(200);
            assertThat(http.get(
                                    "/api/auth/me",
                                    "Authorization",
                                    Http.bearer(login.json().get("accessToken").asString()))
                            .status())
                    .isEqualTo(200);
        } finally {
            set.heal();
        }
    }

    @Test
    void aHashWithOlderParametersIsUpgradedAtTheNextLogin(ReplicaSet set) {
        String email = unique("upgrade");
        register(email, PASSWORD);
        String weaker = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        set.primary().execute("UPDATE auth.users SET password_hash = '" + weaker + "' WHERE email = '" + email + "'");

        assertThat(login(email, PASSWORD, "10.0.5.1").status()).isEqualTo(200);
        assertThat(set.primary().queryForString("SELECT password_hash FROM auth.users WHERE email = '" + email + "'"))
                .hasValueSatisfying(hash -> assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsBlocked() {
        String address = "10.0.6.1";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            statuses.add(login(unique("spray"), "wrong-password", address).status());
        }
        assertThat(statuses.subList(0, 29)).containsOnly(401);
        assertThat(statuses.get(31)).isEqualTo(429);
        String bystander = unique("bystander");
        register(bystander, PASSWORD);
        assertThat(login(bystander, PASSWORD, "10.0.6.2").status())
                .as("another address")
                .isEqualTo(200);
    }

    @Test
    void theJwksPublishesAnEs256PublicKeyOnly() {
        Http.Response jwks = http.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("EC");
        assertThat(key.get("crv").asString()).isEqualTo("P-256");
        assertThat(key.get("alg").asString()).isEqualTo("ES256");
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void theRevocationFeedIsForServicesOnly() {
        assertThat(http.get("/internal/revocations").status()).isEqualTo(401);
    }

    @Test
    void simultaneousLogoutsAndFirstFailuresGetAnswersNotServerErrors() throws Exception {
        String email = unique("twice");
        register(email, PASSWORD);
        String access =
                login(email, PASSWORD, "10.0.9.1").json().get("accessToken").asString();
        // The same session ended from several tabs at once: each is told it is over (204, or 401 once revoked).
        List<Integer> logouts = AtOnce.run(
                6,
                () -> http.post("/api/auth/logout", null, "Authorization", Http.bearer(access))
                        .status());
        assertThat(logouts).allMatch(status -> status == 204 || status == 401).contains(204);
        assertThat(http.get("/api/auth/me", "Authorization", Http.bearer(access))
                        .status())
                .isEqualTo(401);

        // The first failures of an account and an address, at once: each creates the throttle entry or uses it.
        String victim = unique("guessed");
        register(victim, PASSWORD);
        List<Integer> failures = AtOnce.run(
                4, () -> login(victim, "not-the-password-1", "10.0.9.2").status());
        assertThat(failures).containsOnly(401);
    }

    @Test
    void whileTheWriterIsAwayMeAndTheSigningKeysAreStillServed(ReplicaSet set) throws Exception {
        String email = unique("outage");
        assertThat(register(email, PASSWORD).status()).isEqualTo(201);
        String access =
                login(email, PASSWORD, "10.0.9.1").json().get("accessToken").asString();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.primary().kill();
        try {
            Thread.sleep(3_000); // the writer's probe has seen it go
            Http.Response me = http.get("/api/auth/me", "Authorization", Http.bearer(access));
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("email").asString()).isEqualTo(email);
            assertThat(http.get("/.well-known/jwks.json").status()).isEqualTo(200);
            long started = System.nanoTime();
            Http.Response signUp = register(unique("during-outage"), PASSWORD);
            assertThat(signUp.status()).as("a change: read-only for a moment").isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        } finally {
            set.primary().start();
            // The other tests need the writer back: wait for it whatever happened above.
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    register(unique("after-outage"), PASSWORD).status())
                            .isEqualTo(201));
        }
    }

    private Http.Response register(String email, String password) {
        return http.post(
                "/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Test Reader\"}");
    }

    private Http.Response login(String email, String password, String clientAddress) {
        return http.post(
                "/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Forwarded-For",
                clientAddress);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppableTime {
        @Bean
        @Primary
        StoppableClock stoppableClock() {
            return new StoppableClock();
        }
    }

    /** The system's UTC clock, which a test may stop (it then reads the instant it was stopped at) and run again. */
    static final class StoppableClock extends Clock {

        private volatile Instant stoppedAt;

        void stop() {
            stoppedAt = Instant.now();
        }

        void run() {
            stoppedAt = null;
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt;
            return stopped != null ? stopped : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
