package com.bookstore.platform.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every reader, and the writer, on a schedule, each on its own thread and its own connection (outside the
 * request pools): reachable within the connect timeout, {@code read_only}, replication threads, lag within the
 * bound. A replica whose receiver lost the primary is still used while the writer is unreachable too (it holds
 * everything the primary committed before going away), and skipped while the writer is reachable (it is cut off
 * and falling behind).
 */
final class ReaderHealthProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderHealthProbe.class);

    private final List<ReaderEndpoint> readers;
    private final List<RoutingDataSourceProperties.Endpoint> targets;
    private final ReplicationDialect dialect;
    private final RoutingDataSourceProperties properties;
    private final Connection[] connections;
    private final ScheduledExecutorService scheduler;
    private final Runnable onWriterLost;
    private volatile boolean writerReachable = true;

    ReaderHealthProbe(
            List<ReaderEndpoint> readers,
            ReplicationDialect dialect,
            RoutingDataSourceProperties properties,
            Runnable onWriterLost) {
        this.readers = readers;
        this.onWriterLost = onWriterLost;
        this.targets = new ArrayList<>(properties.readers());
        this.targets.add(properties.writer());
        this.dialect = dialect;
        this.properties = properties;
        this.connections = new Connection[targets.size()];
        this.scheduler = Executors.newScheduledThreadPool(targets.size(), runnable -> {
            Thread thread = new Thread(runnable, "db-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Probes everything once (so routing starts informed), then on the configured interval. */
    void start() {
        probeWriter();
        List<Thread> first = IntStream.range(0, readers.size())
                .mapToObj(i -> Thread.ofVirtual().start(() -> probeReader(i)))
                .toList();
        for (Thread thread : first) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long interval = properties.probeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::probeWriter, interval, interval, TimeUnit.MILLISECONDS);
        for (int i = 0; i < readers.size(); i++) {
            int index = i;
            scheduler.scheduleWithFixedDelay(() -> probeReader(index), interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** What the writer's last probe found (reachable until a probe says otherwise). */
    boolean writerReachable() {
        return writerReachable;
    }

    /** Synchronized: its own schedule and a reader whose receiver just lost the primary both call it. */
    private synchronized void probeWriter() {
        int index = targets.size() - 1;
        // Writable: reachable, and not a demoted server the writer endpoint still points at (failover under way).
        boolean writable;
        try (Statement statement = connection(index).createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@global.read_only")) {
            writable = rs.next() && !rs.getBoolean(1);
        } catch (SQLException | RuntimeException e) {
            writable = false;
        }
        if (!writable) {
            closeQuietly(index);
        }
        if (writable != writerReachable) {
            log.warn("Writer is now {}", writable ? "writable" : "UNREACHABLE or read-only");
            if (!writable) {
                onWriterLost.run(); // pooled connections to it are of no use for writes any more
            }
        }
        writerReachable = writable;
    }

    private void probeReader(int index) {
        ReaderEndpoint reader = readers.get(index);
        ReaderEndpoint.State before = reader.state();
        try {
            Connection connection = connection(index);
            boolean readOnly;
            ReplicationDialect.ReplicaStatus status;
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT @@global.read_only")) {
                    rs.next();
                    readOnly = rs.getBoolean(1);
                }
                try (ResultSet rs = statement.executeQuery(dialect.replicaStatusQuery())) {
                    status = rs.next() ? dialect.readReplicaStatus(rs) : ReplicationDialect.ReplicaStatus.NOT_A_REPLICA;
                }
            }
            reader.observed(classify(status), status.lagSeconds(), readOnly, null);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(index);
            reader.observed(ReaderEndpoint.State.DOWN, null, null, e.getMessage());
        }
        if (before != reader.state()) {
            log.info(
                    "Reader {} is now {}{}",
                    reader.name(),
                    reader.state(),
                    reader.lastError() == null ? "" : " (" + reader.lastError() + ")");
        }
    }

    ReaderEndpoint.State classify(ReplicationDialect.ReplicaStatus status) {
        if (!status.applying()) {
            return ReaderEndpoint.State.NOT_REPLICATING;
        }
        if (!status.receiving()) {
            // Losing the primary is itself the sign the writer may be gone: ask it now instead of acting on what
            // its own probe saw up to an interval ago (which would drop every reader until that probe caught up).
            if (writerReachable) {
                probeWriter();
            }
            return writerReachable ? ReaderEndpoint.State.NOT_REPLICATING : ReaderEndpoint.State.UP;
        }
        if (status.lagSeconds() == null
                || status.lagSeconds() > properties.maxReplicaLag().toSeconds()) {
            return ReaderEndpoint.State.LAGGING;
        }
        return ReaderEndpoint.State.UP;
    }

    private Connection connection(int index) throws SQLException {
        Connection existing = connections[index];
        if (existing != null && !existing.isClosed()) {
            return existing;
        }
        RoutingDataSourceProperties.Endpoint endpoint = targets.get(index);
        Properties info = new Properties();
        info.setProperty("user", endpoint.username());
        if (endpoint.password() != null) {
            info.setProperty("password", endpoint.password());
        }
        String bound = Long.toString(properties.connectTimeout().toMillis());
        info.setProperty("connectTimeout", bound);
        info.setProperty("socketTimeout", bound);
        Connection connection = DriverManager.getConnection(endpoint.url(), info);
        connections[index] = connection;
        return connection;
    }

    private void closeQuietly(int index) {
        Connection connection = connections[index];
        connections[index] = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing to release.
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (int i = 0; i < connections.length; i++) {
            closeQuietly(i);
        }
    }
}
