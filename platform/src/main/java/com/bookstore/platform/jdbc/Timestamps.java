package com.bookstore.platform.jdbc;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Instants to and from SQL {@code TIMESTAMP} columns that may be {@code NULL}. The JVM's zone is UTC
 * ({@code service.jvm.options}), so a {@link Timestamp} carries the UTC wall-clock time to the database.
 */
public final class Timestamps {

    private Timestamps() {}

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
