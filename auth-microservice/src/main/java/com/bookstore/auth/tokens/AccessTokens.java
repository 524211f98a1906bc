package com.bookstore.auth.tokens;

import com.bookstore.auth.AuthProperties;
import com.bookstore.auth.accounts.UserView;
import com.bookstore.platform.security.SecurityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs short-lived ES256 access tokens: {@code iss}, {@code aud}, {@code sub}, {@code roles}, {@code jti}, {@code sid}. */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final AuthProperties auth;
    private final SecurityProperties security;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AuthProperties auth, SecurityProperties security, Clock clock) {
        this.keys = keys;
        this.auth = auth;
        this.security = security;
        this.clock = clock;
    }

    /** A signed access token for a user, tied to the refresh-token family (session) it belongs to. */
    public AccessToken issue(UserView user, String sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(auth.accessTokenTtl());
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(security.issuer())
                .audience(security.audience())
                .subject(user.id().toString())
                .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .claim("name", user.displayName())
                .claim("email", user.email())
                .claim("sid", sessionId)
                .jwtID(jti)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        ECKey key = keys.active();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), jti, expiresAt);
    }

    public record AccessToken(String value, String jti, Instant expiresAt) {}
}
