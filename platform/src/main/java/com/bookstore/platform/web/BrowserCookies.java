package com.bookstore.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The one way the services set a browser cookie: host-only, {@code Path=/}, {@code Secure}, {@code HttpOnly},
 * {@code SameSite=Lax} (which also satisfies the {@code __Host-} prefix). A zero max age removes the cookie.
 */
public final class BrowserCookies {

    private BrowserCookies() {}

    public static void set(HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(name, value)
                        .path("/")
                        .httpOnly(true)
                        .secure(true)
                        .sameSite("Lax")
                        .maxAge(maxAge)
                        .build()
                        .toString());
    }
}
