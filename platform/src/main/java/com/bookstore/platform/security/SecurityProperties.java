package com.bookstore.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks access tokens: who issues them and for whom, where the auth service publishes its keys
 * and its revocations, and the shared secret of service-to-service calls. {@code jwksUri} and
 * {@code revocationFeedUri} are left empty by the auth service itself, which checks tokens against its own keys
 * and database.
 */
@ConfigurationProperties("bookstore.security")
public record SecurityProperties(
        @DefaultValue("bookstore-auth") String issuer,
        @DefaultValue("bookstore") String audience,
        URI jwksUri,
        URI revocationFeedUri,
        String internalToken,
        @DefaultValue("1s") Duration revocationPollInterval,
        @DefaultValue("5m") Duration jwksRefresh) {}
