package com.bookstore.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the auth service's revocation feed ({@code GET …/internal/revocations?after=N}) on a short interval, so
 * a token or a session revoked at logout is refused here within about one interval. What it learned survives an auth outage;
 * entries are dropped once the token would have expired anyway.
 */
final class PollingRevocationList implements RevocationList, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollingRevocationList.class);

    private final URI feed;
    private final String internalToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long after;
    private volatile boolean reachable = true;

    PollingRevocationList(URI feed, String internalToken, Duration interval) {
        this.feed = feed;
        this.internalToken = internalToken == null ? "" : internalToken;
        scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRevoked(String jti, String sessionId) {
        return (jti != null && revoked.containsKey("jti:" + jti))
                || (sessionId != null && revoked.containsKey("sid:" + sessionId));
    }

    void poll() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(feed + "?after=" + after))
                    .timeout(Duration.ofSeconds(2))
                    .header(InternalCalls.HEADER, internalToken)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            for (JsonNode entry : body.get("revocations")) {
                Instant expiresAt = Instant.parse(entry.get("expiresAt").asString());
                for (String kind : new String[] {"jti", "sid"}) {
                    JsonNode value = entry.get(kind);
                    if (value != null && value.isString()) {
                        revoked.put(kind + ":" + value.asString(), expiresAt);
                    }
                }
                after = Math.max(after, entry.get("id").asLong());
            }
            Instant now = Instant.now();
            revoked.values().removeIf(expiry -> expiry.isBefore(now));
            if (!reachable) {
                log.info("Revocation feed reachable again at {}", feed);
            }
            reachable = true;
        } catch (Exception e) {
            if (reachable) {
                log.warn(
                        "Revocation feed unreachable at {} ({}); keeping {} known revocations",
                        feed,
                        e.toString(),
                        revoked.size());
            }
            reachable = false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
