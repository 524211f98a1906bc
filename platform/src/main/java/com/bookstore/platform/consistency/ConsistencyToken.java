package com.bookstore.platform.consistency;

/**
 * The wire form of a writer GTID position handed to clients: one name for the cookie and the header across all
 * services (they share the cluster). GTID lists use commas, which a cookie value may not hold, so commas travel as
 * dots and white space is dropped.
 */
public final class ConsistencyToken {

    public static final String NAME = "Consistency-Token";

    /** How long a browser keeps the cookie: replicas catch up long before, after which it is useless. */
    public static final int COOKIE_MAX_AGE_SECONDS = 60;

    static final int MAX_LENGTH = 2048;

    private ConsistencyToken() {}

    public static String encode(String position) {
        return position.replaceAll("\\s+", "").replace(',', '.');
    }

    public static String decode(String token) {
        return token.trim().replace('.', ',');
    }
}
