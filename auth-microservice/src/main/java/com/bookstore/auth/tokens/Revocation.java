package com.bookstore.auth.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access token, or every access token of a session, refused from now on until it would have expired anyway. */
@Entity
@Table(name = "revocations")
class Revocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String jti;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Revocation() {}

    Long id() {
        return id;
    }

    String jti() {
        return jti;
    }

    String sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
