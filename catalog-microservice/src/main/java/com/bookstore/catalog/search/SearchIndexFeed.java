package com.bookstore.catalog.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this instance's index in step with the catalog, from the replicas like every other read: at start every
 * book, then every {@code bookstore.search.refresh-interval} (1 s) the books changed since the last look — with a
 * few seconds' overlap, as a transaction may commit after a later one's timestamp was seen — and every minute
 * ({@code bookstore.search.sweep-interval}) a sweep of every book's id and version for deleted books and changes the
 * overlap missed. An index is never further behind than a replica plus one interval; changes made through
 * this instance are in it at once ({@link SearchIndexUpdates}), and a change made through another instance is in it
 * before the search of a client that carries its consistency position ({@link #catchUp}).
 */
public final class SearchIndexFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFeed.class);
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final BookIndex index;
    private final BookRows books;
    private final SearchIndexSweep sweep;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate onWriter;
    private final Duration interval;
    /** Consistency positions the index is known to hold (the last few hundred clients' writes). */
    private final Set<String> caughtUp = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 512;
        }
    });

    private volatile Timestamp seen = new Timestamp(0);
    private volatile long seenMovedAt = System.nanoTime();
    private final Duration sweepInterval;
    private long lastSweep = System.nanoTime();
    private volatile ScheduledExecutorService timer;
    private volatile boolean failing;

    SearchIndexFeed(
            BookIndex index,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Duration interval,
            Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
        this.index = index;
        this.books = new BookRows(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.sweep = new SearchIndexSweep(index, books, readOnly);
        this.onWriter = new TransactionTemplate(transactions);
        this.interval = interval;
    }

    /** Reads what changed since the last look, on a replica, into the index. */
    void refresh() {
        refresh(readOnly);
    }

    /**
     * Makes sure the index holds every change up to a client's consistency position — a staff member's edit made
     * through another instance, say — before their search: the first search carrying a position this instance has
     * not caught up with refreshes the index on the caller's thread, where the read waits for that position like
     * every read of that client (a replica that has applied it, or the writer); later ones with the same position
     * search at once. Should the refresh fail, the search goes on with what the index has.
     */
    public void catchUp(String position) {
        synchronized (caughtUp) {
            if (caughtUp.contains(position)) {
                return;
            }
        }
        try {
            synchronized (this) {
                // In the caller's read-only transaction when it has one (its connection waits for the position), and
                // without a transaction boundary of its own there: a failed read must not mark the caller's
                // transaction rollback-only.
                take(
                        TransactionSynchronizationManager.isActualTransactionActive()
                                ? changed()
                                : readOnly.execute(status -> changed()));
                index.refresh();
            }
            synchronized (caughtUp) {
                caughtUp.add(position);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not bring the search index up to a client's position; searching what it has: {}",
                    e.toString());
        }
    }

    /** The same on the writer: after a bulk load this instance wrote itself (the demo catalog), not yet replicated. */
    void refreshFromWriter() {
        refresh(onWriter);
    }

    private synchronized void refresh(TransactionTemplate transaction) {
        take(transaction.execute(status -> changed()));
        if (System.nanoTime() - lastSweep > sweepInterval.toNanos()) {
            sweep.run();
            lastSweep = System.nanoTime();
        }
        index.refresh();
    }

    /**
     * The books changed since the last look: with a few seconds' overlap while the newest change seen is recent, as
     * a transaction may commit after a later one's timestamp was seen; only newer ones once it has stood still that
     * long — or a bulk load (every row one timestamp) would be read again every second. A commit later still is the
     * sweep's to find.
     */
    private List<BookRows.Row> changed() {
        if (System.nanoTime() - seenMovedAt > OVERLAP.toNanos()) {
            return books.changedSince(seen, false);
        }
        return books.changedSince(new Timestamp(Math.max(0, seen.getTime() - OVERLAP.toMillis())), true);
    }

    private synchronized void take(List<BookRows.Row> changed) {
        if (changed.isEmpty()) {
            return;
        }
        index.put(changed.stream().map(BookRows.Row::book).toList());
        Timestamp newest = changed.getLast().updatedAt();
        if (newest.after(seen)) {
            seen = newest;
            seenMovedAt = System.nanoTime();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (failing) {
                log.info("The search index is being refreshed again ({} books)", index.size());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn(
                        "Could not refresh the search index; searching what it has and trying again: {}", e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        refreshQuietly(); // before the service reports ready: a first search finds the whole catalog
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-index");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = timer;
        if (scheduler != null) {
            scheduler.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
