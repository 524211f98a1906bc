package com.bookstore.platform.datasource;

import com.zaxxer.hikari.HikariDataSource;

/** One reader: its pool, and what the last probe found (usable only when reachable and not lagging). */
final class ReaderEndpoint {

    enum State {
        UNKNOWN,
        UP,
        LAGGING,
        NOT_REPLICATING,
        DOWN
    }

    private final String name;
    private final String url;
    private final HikariDataSource pool;
    private volatile State state = State.UNKNOWN;
    private volatile Long lagSeconds;
    private volatile Boolean readOnly;
    private volatile String lastError;

    ReaderEndpoint(String name, String url, HikariDataSource pool) {
        this.name = name;
        this.url = url;
        this.pool = pool;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    HikariDataSource pool() {
        return pool;
    }

    State state() {
        return state;
    }

    boolean usable() {
        return state == State.UP;
    }

    Long lagSeconds() {
        return lagSeconds;
    }

    Boolean readOnly() {
        return readOnly;
    }

    String lastError() {
        return lastError;
    }

    void observed(State state, Long lagSeconds, Boolean readOnly, String error) {
        this.state = state;
        this.lagSeconds = lagSeconds;
        this.readOnly = readOnly;
        this.lastError = error;
    }

    /** A request could not get a connection: stop sending reads here until the probe sees it healthy again. */
    void markDown(String error) {
        this.state = State.DOWN;
        this.lastError = error;
    }
}
