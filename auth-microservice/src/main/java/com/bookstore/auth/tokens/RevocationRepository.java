package com.bookstore.auth.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The revoked access tokens and sessions, in the caller's transaction. */
@Repository
class RevocationRepository {

    private final JdbcClient jdbc;

    RevocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the token or its session is revoked (a null argument matches nothing). */
    boolean revoked(String jti, String sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM revocations WHERE jti = ? OR session_id = ?")
                        .params(jti, sessionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Records a revocation unless the token is revoked already, also by a logout running at the same moment (a
     * duplicate-key error caught in Java would leave the transaction marked for rollback).
     */
    void insertIfAbsent(String jti, Instant expiresAt) {
        jdbc.sql("INSERT IGNORE INTO revocations (jti, expires_at) VALUES (?, ?)")
                .params(jti, Timestamp.from(expiresAt))
                .update();
    }

    void insertSessionIfAbsent(String sessionId, Instant expiresAt) {
        jdbc.sql("INSERT IGNORE INTO revocations (session_id, expires_at) VALUES (?, ?)")
                .params(sessionId, Timestamp.from(expiresAt))
                .update();
    }

    /** Up to {@code limit} revocations after a feed position, oldest first. */
    List<Revocations.FeedEntry> after(long position, int limit) {
        return jdbc.sql("SELECT id, jti, session_id, expires_at FROM revocations WHERE id > ? ORDER BY id LIMIT ?")
                .params(position, limit)
                .query((rs, row) -> new Revocations.FeedEntry(
                        rs.getLong("id"),
                        rs.getString("jti"),
                        rs.getString("session_id"),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }
}
