package com.bookstore.catalog.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this instance's index in step with the catalog, from the replicas like every other read: at start every
 * book, then every {@code bookstore.search.refresh-interval} (1 s) the books changed since the last look — with a
 * few seconds' overlap, as a transaction may commit after a later one's timestamp was seen — and every minute the
 * removal of deleted books. An index is never further behind than a replica plus one interval; changes made through
 * this instance are in it at once ({@link SearchIndexUpdates}).
 */
final class SearchIndexFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFeed.class);
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final BookIndex index;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate onWriter;
    private final Duration interval;
    private final Set<Long> indexed = ConcurrentHashMap.newKeySet();
    private volatile Timestamp seen = new Timestamp(0);
    private long lastSweep = System.nanoTime();
    private volatile ScheduledExecutorService timer;
    private volatile boolean failing;

    SearchIndexFeed(BookIndex index, JdbcTemplate jdbc, PlatformTransactionManager transactions, Duration interval) {
        this.index = index;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.onWriter = new TransactionTemplate(transactions);
        this.interval = interval;
    }

    /** Reads what changed since the last look, on a replica, into the index. */
    void refresh() {
        refresh(readOnly);
    }

    /** The same on the writer: after a bulk load this instance wrote itself (the demo catalog), not yet replicated. */
    void refreshFromWriter() {
        refresh(onWriter);
    }

    private synchronized void refresh(TransactionTemplate transaction) {
        Timestamp since = new Timestamp(Math.max(0, seen.getTime() - OVERLAP.toMillis()));
        List<Row> changed = transaction.execute(status -> jdbc.query(
                "SELECT id, title, author, description, genre, series, updated_at FROM books WHERE updated_at >= ?"
                        + " ORDER BY updated_at",
                (rs, n) -> new Row(
                        new SearchDocument(
                                rs.getLong("id"),
                                rs.getString("title"),
                                rs.getString("author"),
                                rs.getString("description"),
                                rs.getString("genre"),
                                rs.getString("series")),
                        rs.getTimestamp("updated_at")),
                since));
        if (!changed.isEmpty()) {
            index.put(changed.stream().map(Row::book).toList());
            changed.forEach(row -> indexed.add(row.book().id()));
            seen = changed.getLast().updatedAt();
        }
        if (System.nanoTime() - lastSweep > SWEEP.toNanos()) {
            sweepDeleted();
            lastSweep = System.nanoTime();
        }
        index.refresh();
    }

    void indexed(long id) {
        indexed.add(id);
    }

    private void sweepDeleted() {
        Set<Long> existing =
                new HashSet<>(readOnly.execute(status -> jdbc.queryForList("SELECT id FROM books", Long.class)));
        List<Long> gone = indexed.stream().filter(id -> !existing.contains(id)).toList();
        index.remove(gone);
        gone.forEach(indexed::remove);
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

    private record Row(SearchDocument book, Timestamp updatedAt) {}
}
