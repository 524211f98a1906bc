package com.bookstore.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /internal/**}: service-to-service endpoints that nginx never serves, answered only to a caller that
 * presents the shared internal token. With no token configured, every internal call is refused.
 */
public final class InternalCalls extends OncePerRequestFilter {

    public static final String HEADER = "X-Internal-Token";

    private static final Logger log = LoggerFactory.getLogger(InternalCalls.class);

    private final byte[] expected;

    InternalCalls(String internalToken) {
        this.expected = internalToken == null || internalToken.isBlank()
                ? null
                : internalToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (expected == null
                || presented == null
                || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            // Only services call these (nginx never serves them): a refusal means a misconfigured deployment.
            log.warn(
                    "Refused an internal call to {}: {}",
                    request.getRequestURI(),
                    expected == null
                            ? "this service has no internal token configured"
                            : presented == null || presented.isEmpty() ? "no token presented" : "wrong token");
            ProblemResponses.write(response, 401, "Unauthorized", "This endpoint is for Bookstore services only.");
            return;
        }
        chain.doFilter(request, response);
    }
}
