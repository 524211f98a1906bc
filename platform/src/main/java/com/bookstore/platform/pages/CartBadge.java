package com.bookstore.platform.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * The item count in the header's cart badge on every service's pages. Only the purchase service knows the cart;
 * it offers a {@link Source} and the layout remembers the count in a cookie ({@code <user id>.<count>}) so the
 * catalog and auth pages show it without calling the purchase service. The cookie is a display hint: it is shown
 * only to the user it was written for, and the cart page itself always counts from the database.
 */
public final class CartBadge {

    static final String COOKIE = "cart_badge";
    private static final Duration KEPT_FOR = Duration.ofDays(30);

    /** Where the true count comes from; implemented by the service that owns carts. */
    @FunctionalInterface
    public interface Source {
        int count(long userId);
    }

    private CartBadge() {}

    static Integer count(HttpServletRequest request, HttpServletResponse response, CurrentUser user, Source source) {
        if (user == null) {
            return null;
        }
        if (source != null) {
            int count = source.count(user.id());
            write(response, user.id() + "." + count, KEPT_FOR);
            return count;
        }
        return remembered(request, user.id());
    }

    /** Drops the remembered count, for signing out. */
    public static void forget(HttpServletResponse response) {
        write(response, "", Duration.ZERO);
    }

    private static Integer remembered(HttpServletRequest request, long userId) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null) {
            return null;
        }
        String[] parts = cookie.getValue().split("\\.", -1);
        if (parts.length != 2 || !parts[0].equals(Long.toString(userId)) || !parts[1].matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(parts[1]);
    }

    private static void write(HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(COOKIE, value)
                        .path("/")
                        .httpOnly(true)
                        .secure(true)
                        .sameSite("Lax")
                        .maxAge(maxAge)
                        .build()
                        .toString());
    }
}
