package com.bookstore.auth.web;

import com.bookstore.auth.config.AuthProperties;
import com.bookstore.auth.login.SignIn;
import com.bookstore.platform.pages.CartBadge;
import com.bookstore.platform.security.SessionCookies;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** Puts a session into, or takes it out of, the browser's {@code __Host-} cookies (HttpOnly, Secure, Lax, Path=/). */
@Component
class SessionCookieWriter {

    private final AuthProperties properties;

    SessionCookieWriter(AuthProperties properties) {
        this.properties = properties;
    }

    void write(HttpServletResponse response, SignIn.Session session) {
        // The browser drops the access cookie a little before the token expires, so it never sends an expired one.
        add(
                response,
                SessionCookies.ACCESS_TOKEN,
                session.accessToken().value(),
                properties.accessTokenTtl().minusSeconds(5));
        add(response, SessionCookies.REFRESH_TOKEN, session.refreshToken().value(), properties.refreshTokenTtl());
    }

    void clear(HttpServletResponse response) {
        add(response, SessionCookies.ACCESS_TOKEN, "", Duration.ZERO);
        add(response, SessionCookies.REFRESH_TOKEN, "", Duration.ZERO);
        CartBadge.forget(response);
    }

    private static void add(HttpServletResponse response, String name, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
