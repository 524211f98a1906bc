package com.bookstore.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the auth service in another service's tests: a loopback HTTP server publishing a JWKS and an empty
 * revocation feed, and a minter of ES256 tokens signed with that key. The service under test checks them through
 * its real, unchanged token path.
 */
public final class TestTokens implements AutoCloseable {

    private final ECKey key;
    private final HttpServer server;

    private TestTokens(ECKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static TestTokens start() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("test-" + UUID.randomUUID())
                    .generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            byte[] feed = "{\"revocations\":[]}".getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.createContext("/internal/revocations", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, feed.length);
                exchange.getResponseBody().write(feed);
                exchange.close();
            });
            server.start();
            return new TestTokens(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code bookstore.security.*} properties pointing a service at this stand-in. */
    public Map<String, Object> properties() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bookstore.security.jwks-uri", base + "/.well-known/jwks.json");
        properties.put("bookstore.security.revocation-feed-uri", base + "/internal/revocations");
        return properties;
    }

    /** The same settings as environment variables, for a service started as a process. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        properties()
                .forEach((key, value) -> environment.put(
                        key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""), value.toString()));
        return environment;
    }

    public String customer(long userId) {
        return token(userId, "Test Customer " + userId, List.of("CUSTOMER"));
    }

    public String admin(long userId) {
        return token(userId, "Test Staff " + userId, List.of("ADMIN", "CUSTOMER"));
    }

    public String token(long userId, String name, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("bookstore-auth")
                .audience("bookstore")
                .subject(Long.toString(userId))
                .claim("roles", roles)
                .claim("name", name)
                .claim("email", "reader-" + userId + "@example.com")
                .claim("sid", UUID.randomUUID().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build();
        return sign(key, claims);
    }

    /** An ES256 JWT of these claims, signed by {@code signer} under its {@code kid}. */
    public static String sign(ECKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(signer.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
