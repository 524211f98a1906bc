package com.bookstore.platform.datasource;

import com.bookstore.platform.consistency.ConsistencyContext;
import com.bookstore.platform.web.WriterUnavailableException;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writer pool as read-write transactions see it: counts them, and after one commits on behalf of a client
 * request, reads the writer's GTID position on the same connection and hands it to the client as its consistency
 * token. A failure to read the position never fails the request: the commit already happened.
 */
final class WriterDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(WriterDataSource.class);

    /** Set on the thread when it takes a writer connection: a read that has written is never run again. */
    static final ThreadLocal<Boolean> TOOK_WRITER = new ThreadLocal<>();

    /** How long one wait for a pooled connection lasts before the writer's health is looked at again. */
    private static final long SLICE_MILLIS = 250;

    private final HikariPool pool;
    private final BooleanSupplier writerReachable;
    private final long waitMillis;
    private final ReplicationDialect dialect;
    private final RoutingMetrics metrics;

    WriterDataSource(
            HikariDataSource writerPool,
            BooleanSupplier writerReachable,
            ReplicationDialect dialect,
            RoutingMetrics metrics) {
        super(writerPool);
        this.pool = (HikariPool) writerPool.getHikariPoolMXBean();
        this.writerReachable = writerReachable;
        this.waitMillis = writerPool.getConnectionTimeout();
        this.dialect = dialect;
        this.metrics = metrics;
    }

    /**
     * A connection to the writer. While its probe finds it unreachable, none is waited for: the change is refused
     * at once ({@link WriterUnavailableException}, a 503). Otherwise the wait for a pooled connection (bounded by
     * the writer wait timeout) is cut into short slices, and stops as soon as the probe finds the writer gone.
     */
    @Override
    public Connection getConnection() throws SQLException {
        TOOK_WRITER.set(Boolean.TRUE);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        Connection connection = null;
        while (connection == null) {
            if (!writerReachable.getAsBoolean()) {
                metrics.routed(RoutingMetrics.Route.WRITER_REFUSED);
                throw new WriterUnavailableException("its probe finds it unreachable");
            }
            try {
                connection = pool.getConnection(SLICE_MILLIS);
            } catch (SQLTransientConnectionException slice) {
                if (System.nanoTime() >= deadline) {
                    throw slice;
                }
            }
        }
        metrics.routed(RoutingMetrics.Route.WRITER);
        if (ConsistencyContext.isActive()
                && TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            TransactionSynchronizationManager.registerSynchronization(new PositionCapture(connection));
        }
        return connection;
    }

    private final class PositionCapture implements TransactionSynchronization {

        private final Connection connection;

        PositionCapture(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void afterCommit() {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(dialect.positionQuery())) {
                if (rs.next()) {
                    ConsistencyContext.recordWrite(rs.getString(1));
                }
            } catch (SQLException e) {
                log.debug("Committed, but could not read the writer position for the consistency token", e);
            }
        }
    }
}
