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
        FALLBACK,
        /** A change refused at once because the writer is known to be down. */
        WRITER_REFUSED,
        /** A read-only transaction run again after its reader died under it. */
        READ_RETRIED
    }

    private final MeterRegistry registry;
    private final Counter writer;
    private final Counter reader;
    private final Counter fallback;
    private final Counter writerRefused;
    private final Counter readRetried;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.writer = counter(Route.WRITER);
        this.reader = counter(Route.READER);
        this.fallback = counter(Route.FALLBACK);
        this.writerRefused = counter(Route.WRITER_REFUSED);
        this.readRetried = counter(Route.READ_RETRIED);
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
            case WRITER_REFUSED -> writerRefused.increment();
            case READ_RETRIED -> readRetried.increment();
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
