package com.bookstore.auth.accounts;

import java.util.Set;

/** An account as the API shows it: never the hash. */
public record UserView(Long id, String email, String displayName, Set<Role> roles) {

    static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.displayName(), user.roles());
    }
}
