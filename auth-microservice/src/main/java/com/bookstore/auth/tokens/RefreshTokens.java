package com.bookstore.auth.tokens;

import com.bookstore.auth.AuthProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens (256 random bits), stored hashed, rotated on every use. A rotated token presented again
 * means it was stolen or replayed: the whole family (the login session) is revoked. All of it runs on the writer,
 * with the token's row locked, so two uses of one token cannot both succeed.
 */
@Service
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final RefreshTokenRepository tokens;
    private final Revocations revocations;
    private final AuthProperties properties;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository tokens, Revocations revocations, AuthProperties properties, Clock clock) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new family (a new login) with its first token. */
    @Transactional
    public Issued start(long userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    /** Trades a token for the next one of its family, or says why not (reuse has revoked the family by then). */
    @Transactional
    public Rotation rotate(String presented) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = tokens.lockByHash(hash(presented));
        if (found.isEmpty()) {
            return Rotation.refused();
        }
        RefreshToken token = found.get();
        if (token.rotated()) {
            int revoked = tokens.revokeFamily(token.familyId(), now);
            revocations.revokeSession(token.familyId());
            log.warn(
                    "Refresh token reused: revoked family {} ({} tokens) of user {}",
                    token.familyId(),
                    revoked,
                    token.userId());
            return Rotation.refused();
        }
        if (!token.usable(now)) {
            return Rotation.refused();
        }
        tokens.markRotated(token.id(), now);
        return new Rotation(Optional.of(issue(token.userId(), token.familyId())));
    }

    /** Ends a session: its refresh tokens can no longer be used and its access tokens are refused everywhere. */
    @Transactional
    public void revokeFamily(String familyId) {
        tokens.revokeFamily(familyId, clock.instant());
        revocations.revokeSession(familyId);
    }

    /** Ends every session of an account (a new password): each family, as {@link #revokeFamily} does. */
    @Transactional
    public void revokeAllOf(long userId) {
        tokens.liveFamiliesOf(userId).forEach(this::revokeFamily);
    }

    /** The family of a token, to end its session at logout (even if already rotated). */
    @Transactional
    public Optional<String> familyOf(String presented) {
        return tokens.lockByHash(hash(presented)).map(RefreshToken::familyId);
    }

    private Issued issue(long userId, String familyId) {
        String value = SecretTokens.generate();
        Instant now = clock.instant();
        tokens.insert(hash(value), familyId, userId, now, now.plus(properties.refreshTokenTtl()));
        return new Issued(value, familyId, userId);
    }

    static String hash(String token) {
        return SecretTokens.digest(token);
    }

    public record Issued(String value, String familyId, long userId) {}

    public record Rotation(Optional<Issued> next) {
        static Rotation refused() {
            return new Rotation(Optional.empty());
        }
    }
}
