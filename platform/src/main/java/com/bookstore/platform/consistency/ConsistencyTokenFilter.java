package com.bookstore.platform.consistency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Reads the client's consistency token (header first, then cookie) into the {@link ConsistencyContext} for the
 * request. A token that is not a well-formed position of this cluster's replication (the routing's dialect decides)
 * is ignored, never an error.
 */
public final class ConsistencyTokenFilter extends OncePerRequestFilter {

    private final Predicate<String> wellFormedPosition;

    public ConsistencyTokenFilter(Predicate<String> wellFormedPosition) {
        this.wellFormedPosition = wellFormedPosition;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String position = wellFormed(request.getHeader(ConsistencyToken.NAME));
        if (position == null) {
            position = wellFormed(cookieValue(request));
        }
        boolean secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        // The cookie of the request's last write goes out just before the response is committed (a flush, a
        // redirect, an error) or, at the latest, when the chain returns.
        HttpServletResponse sending = new OnCommittedResponseWrapper(response) {
            @Override
            protected void onResponseCommitted() {
                ConsistencyContext.sendCookie();
            }
        };
        ConsistencyContext.open(position, sending, secure);
        try {
            chain.doFilter(request, sending);
            ConsistencyContext.sendCookie();
        } finally {
            ConsistencyContext.close();
        }
    }

    private String wellFormed(String token) {
        if (token == null || token.isBlank() || token.length() > ConsistencyToken.MAX_LENGTH) {
            return null;
        }
        String position = ConsistencyToken.decode(token);
        return wellFormedPosition.test(position) ? position : null;
    }

    private static String cookieValue(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, ConsistencyToken.NAME);
        return cookie == null ? null : cookie.getValue();
    }
}
