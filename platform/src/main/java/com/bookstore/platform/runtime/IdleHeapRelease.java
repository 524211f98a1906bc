package com.bookstore.platform.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One full collection when a service falls quiet after load, so the heap it grew under load goes back to the
 * operating system. Under load, request garbage that outlives a young collection is promoted; the Serial collector
 * collects the old generation only when it fills, so after 1,000 connections the old generation stayed full of
 * garbage (catalog: 62 MB used, 99 % of it committed) for as long as the service was idle.
 *
 * <p>Every {@link #POLL} it reads the collectors' counts and the old generation. It collects (and logs it) once no
 * collection has run for {@link #QUIET} - the load is over: under load young collections run several times a
 * second, and a health check every few seconds makes next to no garbage - and at least {@link #GROWTH} was promoted
 * since the last full collection. The collection resets both, so it runs once per load, not again while the service
 * stays idle. A busy service is never paused by it; a quiet one pays one full collection (50-100 ms at this heap's
 * size) when nobody is waiting.
 */
public final class IdleHeapRelease implements SmartLifecycle {

    static final Duration POLL = Duration.ofSeconds(2);
    static final Duration QUIET = Duration.ofSeconds(5);
    static final long GROWTH = 8L << 20;

    private static final Logger log = LoggerFactory.getLogger(IdleHeapRelease.class);

    private final List<GarbageCollectorMXBean> collectors;
    private final Optional<MemoryPoolMXBean> oldGeneration;
    private final QuietAfterGrowth policy = new QuietAfterGrowth(QUIET.toNanos(), GROWTH);
    private ScheduledExecutorService timer;

    private IdleHeapRelease(List<GarbageCollectorMXBean> collectors, Optional<MemoryPoolMXBean> oldGeneration) {
        this.collectors = collectors;
        this.oldGeneration = oldGeneration;
    }

    /** Watches this JVM's collectors and its old generation (Serial's "Tenured Gen", or "… Old Gen"). */
    static IdleHeapRelease forThisJvm() {
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .filter(pool ->
                        pool.getName().contains("Tenured") || pool.getName().contains("Old"))
                .findFirst();
        return new IdleHeapRelease(ManagementFactory.getGarbageCollectorMXBeans(), old);
    }

    void check() {
        MemoryPoolMXBean old = oldGeneration.orElseThrow();
        long collections = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
        MemoryUsage afterLastFull = old.getCollectionUsage();
        long used = old.getUsage().getUsed();
        if (!policy.shouldCollect(System.nanoTime(), collections, used, afterLastFull.getUsed())) {
            return;
        }
        collect("Quiet after load: collected the heap");
    }

    /**
     * One full collection, logged with the heap before and after it (the heap shrinks at once: service.jvm.options).
     */
    static void collect(String occasion) {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info(
                "{}: heap {} MB used of {} MB committed -> {} MB of {} MB",
                occasion,
                before.getUsed() >> 20,
                before.getCommitted() >> 20,
                after.getUsed() >> 20,
                after.getCommitted() >> 20);
    }

    @Override
    public synchronized void start() {
        if (oldGeneration.isEmpty()) {
            log.info("No old generation found among the heap's pools: the heap is not collected when quiet");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("idle-heap-release").factory());
        timer.scheduleWithFixedDelay(this::checkSafely, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not check the heap", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /**
     * The decision, apart from the JVM: collect once no collection has run for {@code quietNanos} and the old
     * generation holds at least {@code growthBytes} more than after its last collection.
     */
    static final class QuietAfterGrowth {

        private final long quietNanos;
        private final long growthBytes;
        private long lastCollections = -1;
        private long quietSince;

        QuietAfterGrowth(long quietNanos, long growthBytes) {
            this.quietNanos = quietNanos;
            this.growthBytes = growthBytes;
        }

        boolean shouldCollect(long now, long collections, long oldUsed, long oldUsedAfterLastCollection) {
            if (collections != lastCollections) {
                lastCollections = collections;
                quietSince = now;
                return false;
            }
            return now - quietSince >= quietNanos && oldUsed - oldUsedAfterLastCollection >= growthBytes;
        }
    }
}
