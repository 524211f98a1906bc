package com.bookstore.auth.accounts;

import java.time.Instant;
import java.util.Set;

/** An account as stored: a unique e-mail (lower-case), a display name, an Argon2id hash, roles. */
record User(long id, String email, String displayName, String passwordHash, Set<Role> roles, Instant emailConfirmedAt) {

    User {
        roles = Set.copyOf(roles);
    }

    boolean emailConfirmed() {
        return emailConfirmedAt != null;
    }
}
