package com.bookstore.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access-token checks shared by every service: ES256 signatures only (so {@code none} and HMAC tricks fail), a
 * {@code kid} naming a known key (a token without one is refused, even if a known key would verify it), {@code iss},
 * {@code aud}, an {@code exp} (required: a token without one would never expire) and {@code nbf}, and neither the
 * token ({@code jti}) nor its session ({@code sid}) revoked. Keys come from the auth
 * service's JWKS, cached and kept through an auth outage, refetched when an unknown {@code kid} appears.
 */
public final class BookstoreJwtDecoders {

    private BookstoreJwtDecoders() {}

    static NimbusJwtDecoder fromJwksUri(SecurityProperties properties, RevocationList revocations) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            properties.jwksUri().toURL(), new DefaultResourceRetriever(2000, 2000, 64 * 1024))
                    .cache(properties.jwksRefresh().toMillis(), 2000)
                    .outageTolerantForever()
                    .build();
            return from(keys, properties, revocations);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bookstore.security.jwks-uri is not a URL: " + properties.jwksUri(), e);
        }
    }

    /** A decoder over a given key source: the auth service uses its own keys this way. */
    public static NimbusJwtDecoder from(
            JWKSource<SecurityContext> keys, SecurityProperties properties, RevocationList revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWSVerificationKeySelector<SecurityContext> byKid = new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys);
        processor.setJWSKeySelector(
                (header, context) -> header.getKeyID() == null ? List.of() : byKid.selectJWSKeys(header, context));
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Object>("exp", Objects::nonNull);
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> revocations.isRevoked(jwt.getId(), jwt.getClaimAsString("sid"))
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, expires, notRevoked));
        return decoder;
    }
}
