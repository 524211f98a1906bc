package com.bookstore.auth.tokens;

import com.bookstore.platform.jdbc.Timestamps;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The refresh tokens, in the caller's transaction (always the writer: a stale answer here is a bug). */
@Repository
class RefreshTokenRepository {

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, String familyId, long userId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(tokenHash, familyId, userId, Timestamp.from(issuedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** The token with this hash, locked until the transaction ends: two rotations of one token take turns. */
    Optional<RefreshToken> lockByHash(String tokenHash) {
        return jdbc.sql("SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at FROM refresh_tokens "
                        + "WHERE token_hash = ? FOR UPDATE")
                .param(tokenHash)
                .query((rs, row) -> new RefreshToken(
                        rs.getLong("id"),
                        rs.getString("family_id"),
                        rs.getLong("user_id"),
                        rs.getTimestamp("expires_at").toInstant(),
                        Timestamps.instant(rs.getTimestamp("rotated_at")),
                        Timestamps.instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    void markRotated(long id, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET rotated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    List<String> liveFamiliesOf(long userId) {
        return jdbc.sql("SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL")
                .param(userId)
                .query(String.class)
                .list();
    }

    int revokeFamily(String familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), familyId)
                .update();
    }
}
