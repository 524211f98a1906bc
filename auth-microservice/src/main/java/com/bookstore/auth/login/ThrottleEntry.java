package com.bookstore.auth.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Failed sign-ins counted for one account or one client address within a window. */
@Entity
@Table(name = "login_throttle")
class ThrottleEntry {

    @Id
    @Column(name = "throttle_key")
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ThrottleEntry() {}

    ThrottleEntry(String key, Instant now) {
        this.key = key;
        this.windowStartedAt = now;
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
