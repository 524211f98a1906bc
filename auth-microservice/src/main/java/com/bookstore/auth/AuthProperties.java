package com.bookstore.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The auth service's own settings: token lifetimes, signing keys (the first signs, all are published, so a key
 * can be rotated out gracefully), login throttling, the first administrator and the local demo accounts.
 */
@Validated
@ConfigurationProperties("bookstore.auth")
public record AuthProperties(
        @DefaultValue("10m") @NotNull Duration accessTokenTtl,
        @DefaultValue("14d") @NotNull Duration refreshTokenTtl,
        @DefaultValue List<@Valid SigningKey> signingKeys,
        @DefaultValue @Valid Throttle throttle,
        InitialAdmin initialAdmin,
        @DefaultValue("false") boolean demoAccounts) {

    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(10)) > 0 || accessTokenTtl.isNegative()) {
            throw new IllegalArgumentException("bookstore.auth.access-token-ttl must be at most 10 minutes");
        }
    }

    /** An EC P-256 private key in PKCS#8 PEM (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256). */
    public record SigningKey(@NotNull String kid, @NotNull Resource privateKeyLocation) {}

    public record Throttle(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("10") int lockAfterFailures,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("30") int addressFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("0") int concurrentHashes,
            @DefaultValue("20") int registrationsPerAddress,
            @DefaultValue("5") int resetsPerAccount,
            @DefaultValue("20") int resetsPerAddress) {

        /** Hashes allowed at once: as configured, or half the cores, so the other half keeps serving everyone else. */
        public int hashPermits() {
            return concurrentHashes > 0
                    ? concurrentHashes
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    public record InitialAdmin(
            String email,
            String password,
            @DefaultValue("Store admin") String displayName) {}
}
