package com.bookstore.auth.tokens;

import java.time.Instant;

/** One refresh token, known only by its SHA-256; rotated once, after which any use revokes its family. */
record RefreshToken(long id, String familyId, long userId, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {

    boolean usable(Instant now) {
        return rotatedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }

    boolean rotated() {
        return rotatedAt != null;
    }
}
