package com.bookstore.platform.pages;

import com.bookstore.platform.web.BrowserCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
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
        Cookie remembered = WebUtils.getCookie(request, COOKIE);
        if (source != null) {
            int count = source.count(user.id());
            String value = user.id() + "." + count;
            if (remembered == null || !value.equals(remembered.getValue())) { // only when it changed
                BrowserCookies.set(response, COOKIE, value, KEPT_FOR);
            }
            return count;
        }
        return remembered == null ? null : parse(remembered.getValue(), user.id());
    }

    /** Drops the remembered count, for signing out. */
    public static void forget(HttpServletResponse response) {
        BrowserCookies.set(response, COOKIE, "", Duration.ZERO);
    }

    private static Integer parse(String value, long userId) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 2 || !parts[0].equals(Long.toString(userId)) || !parts[1].matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(parts[1]);
    }
}
