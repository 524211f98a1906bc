package com.bookstore.auth.login;

import java.time.Instant;

/** Failed sign-ins counted for one account or one client address within a window. */
class ThrottleEntry {
    private final String key;
    private int failures;
    private Instant windowStartedAt;
    private Instant blockedUntil;

    ThrottleEntry(String key, int failures, Instant windowStartedAt, Instant blockedUntil) {
        this.key = key;
        this.failures = failures;
        this.windowStartedAt = windowStartedAt;
        this.blockedUntil = blockedUntil;
    }

    String key() {
        return key;
    }

    int failures() {
        return failures;
    }

    Instant blockedUntil() {
        return blockedUntil;
    }

    Instant windowStartedAt() {
        return windowStartedAt;
    }

    void restartWindow(Instant now) {
        failures = 0;
        windowStartedAt = now;
        blockedUntil = null;
    }

    void fail(Instant blockedUntil) {
        failures++;
        this.blockedUntil = blockedUntil;
    }
}
