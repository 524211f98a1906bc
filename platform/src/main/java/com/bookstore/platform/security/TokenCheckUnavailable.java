package com.bookstore.platform.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A token that could not be checked at all — the auth service's signing keys could not be fetched in time (first
 * request after a start, auth under heavy load) — is the service's trouble, not the client's: a 503 with
 * Retry-After (problem+json, or the site's error page for a browser) instead of the 500 Spring Security's rethrown
 * {@link AuthenticationServiceException} would become. A token that was checked and refused stays a 401.
 */
final class TokenCheckUnavailable {

    static final String RETRY_AFTER_SECONDS = "2";

    static final Filter FILTER = (request, response, chain) -> {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            HttpServletResponse http = (HttpServletResponse) response;
            if (http.isCommitted()) {
                throw e;
            }
            http.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            if (BookstoreSecurity.fromBrowser((HttpServletRequest) request)) {
                http.sendError(503);
                return;
            }
            ProblemResponses.write(
                    http,
                    503,
                    "Service temporarily unavailable",
                    "Your sign-in could not be checked just now. Please try again in a moment.");
        }
    };

    private TokenCheckUnavailable() {}
}
