package com.bookstore.platform.consistency;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The consistency position of the request being served on this thread: the one the client sent, replaced by the
 * writer's position after each read-write transaction commits. It lives in the client (cookie or header), never on
 * a pooled connection; this holder only carries it through one request.
 */
public final class ConsistencyContext {

    private static final ThreadLocal<ConsistencyContext> CURRENT = new ThreadLocal<>();

    private final HttpServletResponse response;
    private final boolean secureCookie;
    /** The position of the consistency cookie this response carries already, if any. */
    private String cookieSent;
    /** A later position written in this request that the client has not been given as its cookie yet. */
    private String cookiePending;

    private volatile String position;

    private ConsistencyContext(String position, HttpServletResponse response, boolean secureCookie) {
        this.position = position;
        this.response = response;
        this.secureCookie = secureCookie;
    }

    static ConsistencyContext open(String position, HttpServletResponse response, boolean secureCookie) {
        ConsistencyContext context = new ConsistencyContext(position, response, secureCookie);
        CURRENT.set(context);
        return context;
    }

    static void close() {
        CURRENT.remove();
    }

    /**
     * For work outside an HTTP request (a scheduled job, a message consumer) that must read what it, or its
     * caller, wrote: reads on this thread wait for {@code position} (or for the job's own later writes) until the
     * scope is closed.
     */
    public static Scope enter(String position) {
        open(position, null, false);
        return ConsistencyContext::close;
    }

    /** Ends what {@link #enter(String)} began. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether a request is being served on this thread (positions are only captured for clients). */
    public static boolean isActive() {
        return CURRENT.get() != null;
    }

    /** The position reads in this request must see, if the client sent one or this request wrote. */
    public static Optional<String> requiredPosition() {
        ConsistencyContext context = CURRENT.get();
        return context == null ? Optional.empty() : Optional.ofNullable(context.position);
    }

    /**
     * Records the writer's position after a commit and hands it to the client, if the response is still open: the
     * header at once (replaced by each later write); the cookie at the first write, and once more with the last
     * position as the response is about to be sent ({@link #sendCookie}) if it moved since: a request that commits
     * a hundred times (a payment polling its key) sends at most two cookies, not a hundred headers.
     */
    public static void recordWrite(String position) {
        ConsistencyContext context = CURRENT.get();
        if (context == null || position == null || position.isBlank()) {
            return;
        }
        context.position = position;
        HttpServletResponse response = context.response;
        if (response == null || response.isCommitted()) {
            return;
        }
        response.setHeader(ConsistencyToken.NAME, ConsistencyToken.encode(position));
        if (context.cookieSent == null) {
            addCookie(context, position);
        } else {
            context.cookiePending = position.equals(context.cookieSent) ? null : position;
        }
    }

    /** Adds the cookie of the request's last write, if it moved since the first, while the response is open. */
    static void sendCookie() {
        ConsistencyContext context = CURRENT.get();
        if (context == null || context.cookiePending == null) {
            return;
        }
        String position = context.cookiePending;
        context.cookiePending = null;
        if (context.response != null && !context.response.isCommitted()) {
            addCookie(context, position);
        }
    }

    private static void addCookie(ConsistencyContext context, String position) {
        Cookie cookie = new Cookie(ConsistencyToken.NAME, ConsistencyToken.encode(position));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(context.secureCookie);
        cookie.setMaxAge(ConsistencyToken.COOKIE_MAX_AGE_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        context.response.addCookie(cookie);
        context.cookieSent = position;
    }
}
