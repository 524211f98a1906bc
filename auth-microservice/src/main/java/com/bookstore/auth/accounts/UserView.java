package com.bookstore.auth.accounts;

import java.util.Set;

/** An account as the API shows it: never the hash; whether its address is confirmed (a mailed link). */
public record UserView(Long id, String email, String displayName, Set<Role> roles, boolean emailConfirmed) {

    static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.displayName(), user.roles(), user.emailConfirmed());
    }
}
