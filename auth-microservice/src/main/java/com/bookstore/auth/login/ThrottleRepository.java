package com.bookstore.auth.login;

import com.bookstore.platform.jdbc.Timestamps;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The throttle's counters, in the caller's transaction (the writer). */
@Repository
class ThrottleRepository {

    private final JdbcClient jdbc;

    ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> blockedUntil(String key) {
        return jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key = ? AND blocked_until IS NOT NULL")
                .param(key)
                .query((rs, row) -> rs.getTimestamp("blocked_until").toInstant())
                .optional();
    }

    /**
     * Makes sure the entry exists without a read first: two first failures at once would otherwise both find
     * nothing and collide on the insert (or deadlock on the gap lock of the locking read).
     */
    void insertIfAbsent(String key, Instant now) {
        jdbc.sql("INSERT IGNORE INTO login_throttle (throttle_key, failures, window_started_at) VALUES (?, 0, ?)")
                .params(key, Timestamp.from(now))
                .update();
    }

    /** The entry, locked until the transaction ends: concurrent failures of one key count one after the other. */
    Optional<ThrottleEntry> lock(String key) {
        return jdbc.sql("SELECT failures, window_started_at, blocked_until FROM login_throttle "
                        + "WHERE throttle_key = ? FOR UPDATE")
                .param(key)
                .query((rs, row) -> new ThrottleEntry(
                        key,
                        rs.getInt("failures"),
                        rs.getTimestamp("window_started_at").toInstant(),
                        Timestamps.instant(rs.getTimestamp("blocked_until"))))
                .optional();
    }

    void save(ThrottleEntry entry) {
        jdbc.sql("UPDATE login_throttle SET failures = ?, window_started_at = ?, blocked_until = ? "
                        + "WHERE throttle_key = ?")
                .params(
                        entry.failures(),
                        Timestamp.from(entry.windowStartedAt()),
                        Timestamps.of(entry.blockedUntil()),
                        entry.key())
                .update();
    }

    /** Forgets an entry; a no-op when it is gone (two successful logins at once both forget it). */
    void forget(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
    }
}
