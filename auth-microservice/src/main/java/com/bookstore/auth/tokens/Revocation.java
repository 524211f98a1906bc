package com.bookstore.auth.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access token refused from now on, until it would have expired anyway. */
@Entity
@Table(name = "revocations")
class Revocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String jti;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Revocation() {}

    Long id() {
        return id;
    }

    String jti() {
        return jti;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
