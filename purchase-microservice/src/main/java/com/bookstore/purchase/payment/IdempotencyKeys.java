package com.bookstore.purchase.payment;

import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} records, per user, on the writer. The first request with a key claims it; a repeat with
 * the same body gets the stored answer; a repeat with another body is refused; a repeat while the first is still
 * being served waits for its answer. A claim left behind by a crashed request is taken over after a minute.
 */
@Service
class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    sealed interface Claim permits Claimed, Replay, DifferentRequest, InFlight {}

    record Claimed() implements Claim {}

    record Replay(int status, String body) implements Claim {}

    record DifferentRequest() implements Claim {}

    record InFlight() implements Claim {}

    @Transactional
    public Claim claim(long userId, String key, String fingerprint) {
        try {
            jdbc.update(
                    "INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, status) "
                            + "VALUES (?, ?, ?, 'IN_FLIGHT')",
                    userId,
                    key,
                    fingerprint);
            return new Claimed();
        } catch (DataIntegrityViolationException alreadyUsed) {
            return existing(userId, key, fingerprint);
        }
    }

    /**
     * What a key already holds. A plain read: after a blocked duplicate insert, or in a new transaction, it sees the
     * first request's committed row; a locking read here would deadlock the duplicates among themselves.
     */
    @Transactional
    public Claim existing(long userId, String key, String fingerprint) {
        List<Claim> found = jdbc.query(
                "SELECT fingerprint, status, response_status, response_body, "
                        + "created_at < CURRENT_TIMESTAMP(6) - INTERVAL 60 SECOND AS abandoned "
                        + "FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?",
                (rs, row) -> {
                    if (!rs.getString("fingerprint").equals(fingerprint)) {
                        return new DifferentRequest();
                    }
                    if ("DONE".equals(rs.getString("status"))) {
                        return new Replay(rs.getInt("response_status"), rs.getString("response_body"));
                    }
                    return rs.getBoolean("abandoned") ? new Claimed() : new InFlight();
                },
                userId,
                key);
        if (found.isEmpty()) {
            return claim(userId, key, fingerprint);
        }
        if (found.getFirst() instanceof Claimed) {
            // Left behind by a request that died: take it over, unless another request just did.
            int taken = jdbc.update(
                    "UPDATE idempotency_keys SET created_at = CURRENT_TIMESTAMP(6) WHERE user_id = ? "
                            + "AND idempotency_key = ? AND status = 'IN_FLIGHT' "
                            + "AND created_at < CURRENT_TIMESTAMP(6) - INTERVAL 60 SECOND",
                    userId,
                    key);
            return taken == 1 ? new Claimed() : new InFlight();
        }
        return found.getFirst();
    }

    /** Stores the answer, in the caller's transaction (the one that made the change the answer reports). */
    @Transactional
    public void complete(long userId, String key, int status, String body) {
        jdbc.update(
                "UPDATE idempotency_keys SET status = 'DONE', response_status = ?, response_body = ? "
                        + "WHERE user_id = ? AND idempotency_key = ?",
                status,
                body,
                userId,
                key);
    }

    /** Frees a claim whose request failed before anything was decided, so the client may simply retry. */
    @Transactional
    public void release(long userId, String key) {
        jdbc.update(
                "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ? AND status = 'IN_FLIGHT'",
                userId,
                key);
    }
}
