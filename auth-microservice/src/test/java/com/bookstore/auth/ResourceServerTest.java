package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.resourceprobe.ResourceProbeApplication;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.TestTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real auth service (with a configured PEM signing key) and a resource server built on {@code platform} only:
 * forged tokens are refused, a logout reaches the resource server within 2 s, and an auth outage logs nobody out.
 */
@ExtendWith(ReplicaSetExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceServerTest {

    private static final String INTERNAL_TOKEN = "internal-" + UUID.randomUUID();
    private static final String PASSWORD = "a-long-and-unusual-passphrase";
    private static final String ADMIN =
            "first-admin-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    private static ConfigurableApplicationContext auth;
    private static ConfigurableApplicationContext probe;
    private static ECKey signingKey;
    private static Http authHttp;
    private static Http probeHttp;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path pem = Files.createTempFile("signing-key", ".pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        signingKey = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate())
                .keyID("test-key-1")
                .build();

        List<String> authProperties = new ArrayList<>(List.of(
                "server.port=0",
                "bookstore.auth.signing-keys[0].kid=test-key-1",
                "bookstore.auth.signing-keys[0].private-key-location=file:" + pem,
                "bookstore.security.internal-token=" + INTERNAL_TOKEN,
                "bookstore.auth.initial-admin.email=" + ADMIN,
                "bookstore.auth.initial-admin.password=" + PASSWORD,
                "bookstore.auth.throttle.registrations-per-address=100000"));
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> authProperties.add(key + "=" + value));
        auth = new SpringApplicationBuilder(AuthApplication.class).run(arguments(authProperties));
        int authPort = port(auth);
        authHttp = new Http(authPort);

        List<String> probeProperties = new ArrayList<>(List.of(ResourceProbeApplication.WITHOUT_DATABASE));
        probeProperties.add("bookstore.security.jwks-uri=http://127.0.0.1:" + authPort + "/.well-known/jwks.json");
        probeProperties.add(
                "bookstore.security.revocation-feed-uri=http://127.0.0.1:" + authPort + "/internal/revocations");
        probeProperties.add("bookstore.security.internal-token=" + INTERNAL_TOKEN);
        probeProperties.add("bookstore.security.revocation-poll-interval=500ms");
        probe = new SpringApplicationBuilder(ResourceProbeApplication.class).run(arguments(probeProperties));
        probeHttp = new Http(port(probe));
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
        if (auth != null && auth.isActive()) {
            auth.close();
        }
    }

    @Test
    @Order(1)
    void aValidTokenIsAcceptedWithItsRoles() {
        String token = loginAsNewCustomer().accessToken();
        Http.Response response = probeHttp.get("/api/probe", "Authorization", Http.bearer(token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(probeHttp
                        .get("/api/staff-probe", "Authorization", Http.bearer(token))
                        .status())
                .as("a customer on a staff endpoint")
                .isEqualTo(403);
        assertThat(probeHttp.get("/api/probe").status()).as("no token").isEqualTo(401);
    }

    @Test
    @Order(1)
    void theFirstAdministratorComesFromConfigurationAndMayUseStaffEndpoints() {
        Http.Response login = authHttp.post(
                "/api/auth/login",
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}",
                "X-Forwarded-For",
                "10.9.0.2");
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().get("accessToken").asString();
        assertThat(probeHttp
                        .get("/api/staff-probe", "Authorization", Http.bearer(token))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void forgedTokensAreRefusedWith401() throws Exception {
        String valid = loginAsNewCustomer().accessToken();
        Instant now = Instant.now();
        JWTClaimsSet good = claims(now.plusSeconds(300), "bookstore", "bookstore-auth");

        String unsigned = new PlainJWT(good).serialize();
        String publicKeyJson = signingKey.toPublicJWK().toJSONString();
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").build(), good);
        hmac.sign(new MACSigner(publicKeyJson.getBytes(StandardCharsets.UTF_8)));
        String expired = sign(signingKey, claims(now.minusSeconds(600), "bookstore", "bookstore-auth"));
        String wrongAudience = sign(signingKey, claims(now.plusSeconds(300), "someone-else", "bookstore-auth"));
        String wrongIssuer = sign(signingKey, claims(now.plusSeconds(300), "bookstore", "https://evil.example"));
        String[] parts = valid.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        ECKey intruder = new ECKeyGenerator(Curve.P_256).keyID("unknown-kid").generate();
        String unknownKid = sign(intruder, good);
        SignedJWT withoutKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), good);
        withoutKid.sign(new ECDSASigner(signingKey));
        JWTClaimsSet neverExpires = new JWTClaimsSet.Builder(good)
                .expirationTime(null)
                .jwtID(UUID.randomUUID().toString())
                .build();
        String withoutExp = sign(signingKey, neverExpires);

        Map<String, String> forged = Map.of(
                "alg none", unsigned,
                "HS256 signed with the public key", hmac.serialize(),
                "expired", expired,
                "wrong aud", wrongAudience,
                "wrong iss", wrongIssuer,
                "bad signature", badSignature,
                "unknown kid", unknownKid,
                "no kid, signed with the real key", withoutKid.serialize(),
                "no exp, signed with the real key", withoutExp);
        forged.forEach((what, token) -> {
            Http.Response response = probeHttp.get("/api/probe", "Authorization", Http.bearer(token));
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(what).isEqualTo("application/problem+json");
        });
        assertThat(probeHttp
                        .get("/api/probe", "Authorization", Http.bearer(sign(signingKey, good)))
                        .status())
                .as("the same claims, properly signed")
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void afterLogoutTheAccessTokenIsRefusedByAnotherServiceWithin2Seconds() {
        Tokens tokens = loginAsNewCustomer();
        assertThat(probeHttp
                        .get("/api/probe", "Authorization", Http.bearer(tokens.accessToken()))
                        .status())
                .isEqualTo(200);
        assertThat(authHttp.post("/api/auth/logout", null, "Authorization", Http.bearer(tokens.accessToken()))
                        .status())
                .isEqualTo(204);
        long loggedOut = System.nanoTime();
        awaitRefusedByTheResourceServer(tokens.accessToken());
        System.getLogger("test")
                .log(
                        System.Logger.Level.INFO,
                        "revocation reached the resource server after {0} ms",
                        Duration.ofNanos(System.nanoTime() - loggedOut).toMillis());
    }

    @Test
    @Order(3)
    void logoutEndsEveryAccessTokenOfTheSessionOnEveryService() {
        Tokens first = loginAsNewCustomer();
        Http.Response refreshed =
                authHttp.post("/api/auth/refresh", "{\"refreshToken\":\"" + first.refreshToken() + "\"}");
        String second = refreshed.json().get("accessToken").asString();
        assertThat(probeHttp
                        .get("/api/probe", "Authorization", Http.bearer(first.accessToken()))
                        .status())
                .isEqualTo(200);

        assertThat(authHttp.post("/api/auth/logout", null, "Authorization", Http.bearer(second))
                        .status())
                .isEqualTo(204);
        assertThat(authHttp.get("/api/auth/me", "Authorization", Http.bearer(first.accessToken()))
                        .status())
                .as("the session's earlier access token, at the auth service")
                .isEqualTo(401);
        awaitRefusedByTheResourceServer(first.accessToken());
    }

    @Test
    @Order(3)
    void aReusedRefreshTokenEndsTheSessionsAccessTokensToo() {
        Tokens first = loginAsNewCustomer();
        Http.Response rotated =
                authHttp.post("/api/auth/refresh", "{\"refreshToken\":\"" + first.refreshToken() + "\"}");
        String second = rotated.json().get("accessToken").asString();
        assertThat(authHttp.post("/api/auth/refresh", "{\"refreshToken\":\"" + first.refreshToken() + "\"}")
                        .status())
                .as("a stolen, already rotated refresh token")
                .isEqualTo(401);
        for (String token : List.of(first.accessToken(), second)) {
            assertThat(authHttp.get("/api/auth/me", "Authorization", Http.bearer(token))
                            .status())
                    .isEqualTo(401);
            awaitRefusedByTheResourceServer(token);
        }
    }

    @Test
    @Order(4)
    void withAuthDownTheResourceServerKeepsAcceptingValidTokens() {
        String token = loginAsNewCustomer().accessToken();
        assertThat(probeHttp
                        .get("/api/probe", "Authorization", Http.bearer(token))
                        .status())
                .isEqualTo(200);

        auth.close();
        for (int i = 0; i < 5; i++) {
            assertThat(probeHttp
                            .get("/api/probe", "Authorization", Http.bearer(token))
                            .status())
                    .as("request %d with auth down", i)
                    .isEqualTo(200);
            sleep(Duration.ofMillis(400));
        }
    }

    /** Revocations reach the resource server through the feed it polls: within 2 s, or the test fails. */
    private static void awaitRefusedByTheResourceServer(String accessToken) {
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> probeHttp
                                .get("/api/probe", "Authorization", Http.bearer(accessToken))
                                .status()
                        == 401);
    }

    private static Tokens loginAsNewCustomer() {
        String email = "rs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(authHttp.post(
                                "/api/auth/register",
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                                        + "\",\"displayName\":\"Probe\"}")
                        .status())
                .isEqualTo(201);
        Http.Response login = authHttp.post(
                "/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                "X-Forwarded-For",
                "10.9.0.1");
        assertThat(login.status()).isEqualTo(200);
        return new Tokens(
                login.json().get("accessToken").asString(),
                login.json().get("refreshToken").asString());
    }

    private static JWTClaimsSet claims(Instant expiresAt, String audience, String issuer) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("1")
                .claim("roles", List.of("ADMIN"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minusSeconds(600)))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        return TestTokens.sign(key, claims);
    }

    /** Command-line arguments outrank application.yml, unlike the builder's default properties. */
    private static String[] arguments(List<String> properties) {
        return properties.stream().map(property -> "--" + property).toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Tokens(String accessToken, String refreshToken) {}
}
