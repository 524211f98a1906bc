package com.bookstore.auth.web;

import com.bookstore.auth.AuthProperties;
import com.bookstore.auth.login.SignIn;
import com.bookstore.platform.pages.CartBadge;
import com.bookstore.platform.security.SessionCookies;
import com.bookstore.platform.web.BrowserCookies;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
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
        BrowserCookies.set(
                response,
                SessionCookies.ACCESS_TOKEN,
                session.accessToken().value(),
                properties.accessTokenTtl().minusSeconds(5));
        BrowserCookies.set(
                response, SessionCookies.REFRESH_TOKEN, session.refreshToken().value(), properties.refreshTokenTtl());
    }

    void clear(HttpServletResponse response) {
        BrowserCookies.set(response, SessionCookies.ACCESS_TOKEN, "", Duration.ZERO);
        BrowserCookies.set(response, SessionCookies.REFRESH_TOKEN, "", Duration.ZERO);
        CartBadge.forget(response);
    }
}
