package com.bookstore.platform.pages;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user as pages show them, taken from the access token; {@code email} is null in a token issued before
 * it carried the address.
 */
public record CurrentUser(long id, String name, List<String> roles, String email) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** Thymeleaf reads {@code currentUser.admin}. */
    public boolean getAdmin() {
        return isAdmin();
    }

    public static CurrentUser from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        List<String> roles = token.getToken().getClaimAsStringList("roles");
        String name = token.getToken().getClaimAsString("name");
        return new CurrentUser(
                Long.parseLong(token.getToken().getSubject()),
                name == null ? "Account" : name,
                roles == null ? List.of() : List.copyOf(roles),
                token.getToken().getClaimAsString("email"));
    }
}
