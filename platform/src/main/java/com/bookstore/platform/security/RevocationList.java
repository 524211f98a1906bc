package com.bookstore.platform.security;

/** Access tokens revoked before they expire (at logout), by their {@code jti}. */
public interface RevocationList {

    boolean isRevoked(String jti);
}
