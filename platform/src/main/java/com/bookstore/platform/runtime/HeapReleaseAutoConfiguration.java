package com.bookstore.platform.runtime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Hands the heap's garbage back to the operating system when a service has none of its own reasons to collect it.
 * The Serial collector (service.jvm.options) collects the old generation only when it fills, so whatever was
 * promoted into it, live or not, stayed resident for as long as the service was quiet. Two full collections fix
 * that, each shrinking the heap at once ({@code -XX:-ShrinkHeapInSteps}):
 *
 * <ul>
 *   <li>one when the service is ready, before it takes traffic: building the context (and, in auth, the Argon2
 *       hashes of its start: 19 MiB each) promotes 30-50 MB of short-lived objects (auth 312 -> 274 MB resident
 *       after the edge-cache benchmark);
 *   <li>one when a service falls quiet after load ({@link IdleHeapRelease}): under 1,000 connections the old
 *       generation filled with promoted request garbage and stayed full (README, "Memory").
 * </ul>
 *
 * {@code bookstore.heap-release.enabled=false} turns both off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "bookstore.heap-release.enabled", matchIfMissing = true)
public class HeapReleaseAutoConfiguration {

    @Bean
    ApplicationListener<ApplicationReadyEvent> collectStartupGarbage() {
        return ready -> IdleHeapRelease.collect("Collected the start-up's garbage");
    }

    @Bean
    IdleHeapRelease idleHeapRelease() {
        return IdleHeapRelease.forThisJvm();
    }
}
