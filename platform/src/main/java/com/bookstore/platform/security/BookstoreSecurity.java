package com.bookstore.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.util.WebUtils;

/**
 * The security every service shares, applied to its own filter chain before its authorization rules: stateless
 * JWT resource server (bearer header or the session cookie), roles from the {@code roles} claim, CSRF on unsafe
 * requests authenticated by cookie and on every form post (bearer-only API calls are exempt), and problem+json
 * 401/403 — or, for a page, a redirect to the login form.
 */
public final class BookstoreSecurity {

    /**
     * Open in every service: health and metrics and the OpenAPI document (none of them public through nginx),
     * internal calls (own guard), assets.
     */
    public static final String[] OPEN_PATHS = {
        "/actuator/**", "/v3/api-docs/**", "/internal/**", "/error", "/css/**", "/js/**", "/images/**"
    };

    private final JwtDecoder decoder;

    BookstoreSecurity(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Lax"));
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(CsrfRules.protectedRequest())
                        // Every stateless request authenticates anew; the default strategy would then clear the
                        // token on each of them (a stylesheet or an image would void the form the page carries).
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerOrCookie())
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFromClaim())))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()))
                .addFilterAfter(CsrfRules.MARK_CHECKED, CsrfFilter.class)
                .addFilterBefore(TokenCheckUnavailable.FILTER, BearerTokenAuthenticationFilter.class)
                // nginx sends Strict-Transport-Security for the whole site; a second, different one would win.
                .headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.disable()));
    }

    static BearerTokenResolver bearerOrCookie() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String token = header.resolve(request);
            if (token != null) {
                return token;
            }
            return CsrfRules.checked(request) ? cookie(request, SessionCookies.ACCESS_TOKEN) : null;
        };
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * A browser is sent to the sign-in page, which renews a session whose short-lived access cookie ran out (the
     * refresh cookie is still there) and comes straight back: a page to itself, a form post (303) to the page the
     * form was on, as the post's data cannot survive the detour. API clients get a problem+json 401.
     */
    private static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            if (fromBrowser(request)) {
                boolean page = "GET".equals(request.getMethod());
                String next = page ? pathAndQuery(request) : refererPath(request);
                response.setStatus(page ? 302 : 303);
                response.setHeader(
                        HttpHeaders.LOCATION, "/account/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(
                    response,
                    401,
                    "Unauthorized",
                    "Sign in to continue: the access token is " + "missing, invalid, expired or revoked.");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            if (fromBrowser(request)) {
                response.sendError(403); // rendered by the error controller as the site's own 403 page
                return;
            }
            ProblemResponses.write(response, 403, "Forbidden", "Your account may not do this.");
        };
    }

    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains("text/html")
                && !request.getRequestURI().startsWith("/api/");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /** The path of the page a form was posted from, when it is a page of this site; else the home page. */
    private static String refererPath(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return "/";
        }
        try {
            URI from = new URI(referer);
            if (from.getRawPath() == null
                    || !from.getRawPath().startsWith("/")
                    || (from.getHost() != null && !from.getHost().equalsIgnoreCase(request.getServerName()))) {
                return "/";
            }
            return from.getRawQuery() == null ? from.getRawPath() : from.getRawPath() + "?" + from.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie cookie = WebUtils.getCookie(request, name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
