package com.bookstore.platform.pages;

import com.bookstore.platform.web.BrowserCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.util.WebUtils;

/**
 * A one-time message for the next page ("Welcome back", "Book saved"), carried in a short-lived cookie because
 * the services keep no HTTP session; whichever service renders the next page shows it and clears it.
 */
public final class Flash {

    static final String COOKIE = "flash";

    private Flash() {}

    public static void set(HttpServletResponse response, String message) {
        write(response, URLEncoder.encode(message, StandardCharsets.UTF_8), Duration.ofMinutes(1));
    }

    static String take(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return null;
        }
        write(response, "", Duration.ZERO);
        String message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static void write(HttpServletResponse response, String value, Duration maxAge) {
        BrowserCookies.set(response, COOKIE, value, maxAge);
    }
}
