package com.bookstore.auth.tokens;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RevocationRepository extends JpaRepository<Revocation, Long> {

    /** Whether the token or its session is revoked (a null argument matches nothing). */
    @Query("select count(r) > 0 from Revocation r where (:jti is not null and r.jti = :jti)"
            + " or (:sessionId is not null and r.sessionId = :sessionId)")
    boolean revoked(String jti, String sessionId);

    /**
     * Records a revocation unless the token is revoked already, also by a logout running at the same moment (a
     * duplicate-key error caught in Java would leave the transaction marked for rollback).
     */
    @Modifying
    @Query(value = "INSERT IGNORE INTO revocations (jti, expires_at) VALUES (:jti, :expiresAt)", nativeQuery = true)
    int insertIfAbsent(String jti, Instant expiresAt);

    @Modifying
    @Query(
            value = "INSERT IGNORE INTO revocations (session_id, expires_at) VALUES (:sessionId, :expiresAt)",
            nativeQuery = true)
    int insertSessionIfAbsent(String sessionId, Instant expiresAt);

    List<Revocation> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);
}
