package com.bookstore.platform.datasource;

import com.bookstore.platform.consistency.ConsistencyContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source of read-only transactions. It hands out a connection to a usable reader in turn; when the
 * request carries a consistency position, the reader first waits for it (bounded), and serves the read only if it
 * got there. With no usable reader, or a reader that did not catch up in time, the read goes to the writer.
 */
final class ReaderRouter extends AbstractDataSource {

    private final List<ReaderEndpoint> readers;
    private final DataSource writerPool;
    private final ReplicationDialect dialect;
    private final Duration gtidWaitTimeout;
    private final RoutingMetrics metrics;
    private final int validationSeconds;
    private final AtomicInteger next = new AtomicInteger();

    ReaderRouter(
            List<ReaderEndpoint> readers,
            DataSource writerPool,
            ReplicationDialect dialect,
            Duration gtidWaitTimeout,
            Duration connectTimeout,
            RoutingMetrics metrics) {
        this.readers = List.copyOf(readers);
        this.writerPool = writerPool;
        this.dialect = dialect;
        this.gtidWaitTimeout = gtidWaitTimeout;
        this.metrics = metrics;
        this.validationSeconds = (int) Math.max(1, connectTimeout.toSeconds());
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<String> position = ConsistencyContext.requiredPosition();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(1, readers.size()));
        for (int i = 0; i < readers.size(); i++) {
            ReaderEndpoint reader = readers.get((start + i) % readers.size());
            if (!reader.usable()) {
                continue;
            }
            Connection connection;
            try {
                connection = reader.pool().getConnection();
                // The pool skips its own check for recently used connections; a replica that died since the
                // last probe must cost this read a hop to the next server, not an error.
                if (!connection.isValid(validationSeconds)) {
                    reader.pool().evictConnection(connection);
                    reader.markDown("connection no longer valid");
                    continue;
                }
            } catch (SQLException e) {
                reader.markDown(e.getMessage());
                continue;
            }
            if (position.isEmpty()) {
                metrics.routed(RoutingMetrics.Route.READER);
                return connection;
            }
            try {
                if (reachedOn(connection, position.get())) {
                    metrics.routed(RoutingMetrics.Route.READER);
                    return connection;
                }
                connection.close();
                break; // Not caught up within the bound: the writer has it, without waiting again elsewhere.
            } catch (SQLException e) {
                closeQuietly(connection);
                reader.markDown(e.getMessage());
            }
        }
        metrics.routed(RoutingMetrics.Route.FALLBACK);
        return writerPool.getConnection();
    }

    private boolean reachedOn(Connection connection, String position) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement wait = connection.prepareStatement(dialect.waitQuery())) {
            wait.setString(1, position);
            wait.setBigDecimal(2, new java.math.BigDecimal(ReplicationDialect.seconds(gtidWaitTimeout)));
            try (ResultSet rs = wait.executeQuery()) {
                boolean reached = rs.next() && dialect.reached(rs.getInt(1)) && !rs.wasNull();
                metrics.gtidWait(Duration.ofNanos(System.nanoTime() - started), reached);
                return reached;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The reader is gone; the pool evicts the connection.
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The reader router uses the configured reader accounts only");
    }

    List<ReaderEndpoint> readers() {
        return readers;
    }
}
