package com.bookstore.platform.datasource;

import com.bookstore.platform.consistency.ConsistencyContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
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

    private final ReplicationDialect dialect;
    private final RoutingMetrics metrics;

    WriterDataSource(DataSource writerPool, ReplicationDialect dialect, RoutingMetrics metrics) {
        super(writerPool);
        this.dialect = dialect;
        this.metrics = metrics;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
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
