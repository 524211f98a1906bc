package com.bookstore.platform.security;

/**
 * Names of the browser session cookies. {@code __Host-} cookies are only accepted by browsers when Secure,
 * host-only and with Path=/, which is how the auth service sets them.
 */
public final class SessionCookies {

    public static final String ACCESS_TOKEN = "__Host-access_token";
    public static final String REFRESH_TOKEN = "__Host-refresh_token";

    private SessionCookies() {}
}
