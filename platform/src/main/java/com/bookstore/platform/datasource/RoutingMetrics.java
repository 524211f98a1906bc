package com.bookstore.platform.datasource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Transactions by route, GTID-wait time and outcome; reader lag and usability are gauges of {@link ReaderEndpoint}. */
final class RoutingMetrics {

    enum Route {
        WRITER,
        READER,
        FALLBACK
    }

    private final MeterRegistry registry;
    private final Counter writer;
    private final Counter reader;
    private final Counter fallback;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.writer = counter(Route.WRITER);
        this.reader = counter(Route.READER);
        this.fallback = counter(Route.FALLBACK);
    }

    private Counter counter(Route route) {
        return Counter.builder("bookstore.db.transactions")
                .description("Connections handed to transactions, by the server that serves them")
                .tag("route", route.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    void routed(Route route) {
        switch (route) {
            case WRITER -> writer.increment();
            case READER -> reader.increment();
            case FALLBACK -> fallback.increment();
        }
    }

    void gtidWait(Duration took, boolean reached) {
        Timer.builder("bookstore.db.gtid.wait")
                .description("Time a read waited for its consistency position on a replica")
                .tag("outcome", reached ? "reached" : "timed_out")
                .register(registry)
                .record(took);
    }

    MeterRegistry registry() {
        return registry;
    }
}
