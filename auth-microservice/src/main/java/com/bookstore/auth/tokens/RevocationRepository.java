package com.bookstore.auth.tokens;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RevocationRepository extends JpaRepository<Revocation, Long> {

    boolean existsByJti(String jti);

    /**
     * Records a revocation unless the token is revoked already, also by a logout running at the same moment (a
     * duplicate-key error caught in Java would leave the transaction marked for rollback).
     */
    @Modifying
    @Query(value = "INSERT IGNORE INTO revocations (jti, expires_at) VALUES (:jti, :expiresAt)", nativeQuery = true)
    int insertIfAbsent(String jti, Instant expiresAt);

    List<Revocation> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);
}
