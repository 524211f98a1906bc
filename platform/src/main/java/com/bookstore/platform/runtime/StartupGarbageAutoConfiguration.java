package com.bookstore.platform.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Collects the start-up's garbage once a service is ready, before it takes traffic. Building the context (and, in
 * auth, the Argon2 hashes of its start: 19 MiB each) promotes 30-50 MB of short-lived objects to the old generation,
 * and the Serial collector (service.jvm.options) never collects that generation until it fills, so those pages
 * stayed resident for the life of the process. One full collection (~50 ms) with {@code -XX:-ShrinkHeapInSteps}
 * hands them back at once: auth 312 -> 274 MB resident after the edge-cache benchmark (README, "Memory").
 * {@code bookstore.startup-gc.enabled=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "bookstore.startup-gc.enabled", matchIfMissing = true)
public class StartupGarbageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StartupGarbageAutoConfiguration.class);

    @Bean
    ApplicationListener<ApplicationReadyEvent> collectStartupGarbage() {
        return ready -> {
            MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.gc();
            MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            log.info(
                    "Collected the start-up's garbage: heap {} MB used of {} MB committed -> {} MB of {} MB",
                    before.getUsed() >> 20,
                    before.getCommitted() >> 20,
                    after.getUsed() >> 20,
                    after.getCommitted() >> 20);
        };
    }
}
