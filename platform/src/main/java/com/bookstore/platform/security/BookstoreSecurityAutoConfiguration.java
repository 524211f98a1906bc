package com.bookstore.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource-server defaults for every service: the JWT decoder over the auth service's JWKS, the revocation feed,
 * the {@link BookstoreSecurity} each service applies to its filter chain, and the guard of {@code /internal/**}.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"
        })
@EnableConfigurationProperties(SecurityProperties.class)
public class BookstoreSecurityAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RevocationList.class)
    @ConditionalOnProperty(prefix = "bookstore.security", name = "revocation-feed-uri")
    PollingRevocationList revocationFeed(SecurityProperties properties) {
        return new PollingRevocationList(
                properties.revocationFeedUri(), properties.internalToken(), properties.revocationPollInterval());
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty(prefix = "bookstore.security", name = "jwks-uri")
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<RevocationList> revocations) {
        RevocationList available = revocations.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("Logouts would not reach this service: set "
                    + "bookstore.security.revocation-feed-uri to the auth service's /internal/revocations");
        }
        return BookstoreJwtDecoders.fromJwksUri(properties, available);
    }

    /**
     * No observations of Spring Security's own: by default it wraps every filter of the chain, every
     * authentication and every authorization in an observation (a timer and a span each, a dozen per request).
     * Each request keeps its {@code http.server.requests} observation: its metrics, and its trace id in the logs.
     * Measured under {@code benchmarks/checkout.sh}, CPU seconds per 1,500 orders: purchase 50 → 45, catalog 25 → 20
     * (README, "Memory").
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    BookstoreSecurity bookstoreSecurity(ObjectProvider<JwtDecoder> decoder) {
        JwtDecoder available = decoder.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("No way to check access tokens: set bookstore.security.jwks-uri to the "
                    + "auth service's JWKS (for example http://127.0.0.1:9001/.well-known/jwks.json) and "
                    + "bookstore.security.revocation-feed-uri to its /internal/revocations");
        }
        return new BookstoreSecurity(available);
    }

    /**
     * Used by a service that declares no chain of its own: operational and internal endpoints open (nginx never
     * serves them; {@code /internal/**} has its own guard), everything else for signed-in users.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain defaultBookstoreFilterChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(BookstoreSecurity.OPEN_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @Bean
    FilterRegistrationBean<InternalCalls> internalCallsGuard(SecurityProperties properties) {
        FilterRegistrationBean<InternalCalls> registration =
                new FilterRegistrationBean<>(new InternalCalls(properties.internalToken()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
