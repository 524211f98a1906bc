package com.bookstore.auth.links;

import com.bookstore.auth.tokens.SecretTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single-use links mailed to an account (a password reset, an address confirmation), kept in a table of their own:
 * 256 random bits, of which only the SHA-256 is stored, each with its expiry. Every method runs in the caller's
 * transaction, on the writer.
 */
final class MailedLinks {

    private final JdbcClient jdbc;
    private final String table;

    MailedLinks(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** A new link's token for the account, valid for {@code validity} from {@code now}. */
    String issue(long userId, Instant now, Duration validity) {
        String token = SecretTokens.generate();
        jdbc.sql("INSERT INTO " + table + " (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(SecretTokens.digest(token), userId, Timestamp.from(now), Timestamp.from(now.plus(validity)))
                .update();
        return token;
    }

    /**
     * The account of a link not used and not expired, its row locked until the transaction ends (two clicks on the
     * same link cannot both succeed); empty for any other token. The caller spends it ({@link #spendAll}).
     */
    Optional<Long> claim(String token, Instant now) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        List<Long> user = jdbc.sql("SELECT user_id FROM " + table + " WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ? FOR UPDATE")
                .params(SecretTokens.digest(token), Timestamp.from(now))
                .query(Long.class)
                .list();
        return user.stream().findFirst();
    }

    /** Whether a token could be one we mailed at all (so nothing else is hashed or looked up). */
    static boolean wellFormed(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    /** Spends every link of the account still open. */
    void spendAll(long userId, Instant now) {
        jdbc.sql("UPDATE " + table + " SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId)
                .update();
    }
}
