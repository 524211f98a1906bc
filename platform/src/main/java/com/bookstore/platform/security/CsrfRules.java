package com.bookstore.platform.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which requests the CSRF check applies to, and the marker that tells the token resolver it has run. */
final class CsrfRules {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfRules() {}

    /**
     * Spring's resource server exempts from CSRF every request its token resolver finds a token in. The session
     * cookie must not earn that exemption, so the resolver reads the cookie only once the CSRF filter is behind
     * the request, which this marker (set right after it) tells.
     */
    private static final String CHECKED = CsrfRules.class.getName() + ".checked";

    static final Filter MARK_CHECKED = (request, response, chain) -> {
        request.setAttribute(CHECKED, Boolean.TRUE);
        chain.doFilter(request, response);
    };

    /**
     * Unsafe requests a browser could be made to send from another site: those the session cookies would
     * authenticate, and every form post (signed in or not: a forged sign-in would log the victim into the
     * attacker's account). Only a bearer token in the header, which no other site can make a browser send, exempts
     * a request; any other Authorization header does not, as the cookie would still authenticate it.
     */
    static RequestMatcher protectedRequest() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && !hasBearerHeader(request)
                && (BookstoreSecurity.cookie(request, SessionCookies.ACCESS_TOKEN) != null
                        || BookstoreSecurity.cookie(request, SessionCookies.REFRESH_TOKEN) != null
                        || isBrowserFormPost(request));
    }

    private static boolean hasBearerHeader(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The content types a cross-site form (or a script without a preflight) can send. */
    private static boolean isBrowserFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded")
                || lower.startsWith("multipart/form-data")
                || lower.startsWith("text/plain");
    }

    static boolean checked(HttpServletRequest request) {
        return request.getAttribute(CHECKED) != null;
    }
}
