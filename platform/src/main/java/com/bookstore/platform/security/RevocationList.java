package com.bookstore.platform.security;

/**
 * Access tokens revoked before they expire: one token by its {@code jti}, or every token of a session by its
 * {@code sid} (logout, a reused refresh token).
 */
public interface RevocationList {

    boolean isRevoked(String jti, String sessionId);
}
