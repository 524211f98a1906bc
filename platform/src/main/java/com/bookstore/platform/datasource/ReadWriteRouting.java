package com.bookstore.platform.datasource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Owns the reader pools, their probe and the router, and builds the application's one {@link DataSource}: a
 * {@link LazyConnectionDataSourceProxy} over the writer whose read-only data source is the reader router. The
 * connection is fetched lazily, after Spring has marked the transaction read-only, so JPA routes correctly.
 */
public final class ReadWriteRouting implements AutoCloseable {

    private final HikariDataSource writerPool;
    private final List<ReaderEndpoint> readers = new ArrayList<>();
    private final ReaderHealthProbe probe;
    private final ReaderRouter router;
    private final LazyConnectionDataSourceProxy dataSource;

    ReadWriteRouting(
            RoutingDataSourceProperties properties,
            HikariDataSource writerPool,
            ReplicationDialect dialect,
            RoutingMetrics metrics) {
        this.writerPool = writerPool;
        List<RoutingDataSourceProperties.Endpoint> endpoints = properties.readers();
        for (int i = 0; i < endpoints.size(); i++) {
            String name = "reader-" + (i + 1);
            RoutingDataSourceProperties.Endpoint endpoint = endpoints.get(i);
            HikariDataSource pool = pool(name, endpoint, properties.readerPoolSize(), properties, metrics, false);
            ReaderEndpoint reader = new ReaderEndpoint(name, endpoint.url(), pool);
            readers.add(reader);
            Gauge.builder("bookstore.db.reader.lag", reader, r -> r.lagSeconds() == null ? Double.NaN : r.lagSeconds())
                    .description("Replication lag of the reader as its last probe saw it")
                    .baseUnit("seconds")
                    .tag("reader", name)
                    .register(metrics.registry());
            Gauge.builder("bookstore.db.reader.usable", reader, r -> r.usable() ? 1 : 0)
                    .description("1 when reads are routed to the reader")
                    .tag("reader", name)
                    .register(metrics.registry());
        }
        this.probe = new ReaderHealthProbe(readers, dialect, properties, () -> {
            if (writerPool.getHikariPoolMXBean() != null) {
                writerPool.getHikariPoolMXBean().softEvictConnections();
            }
        });
        this.router = new ReaderRouter(
                readers, writerPool, dialect, properties.gtidWaitTimeout(), properties.connectTimeout(), metrics);
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(
                new WriterDataSource(writerPool, probe::writerReachable, dialect, metrics));
        proxy.setReadOnlyDataSource(router);
        // Set explicitly so that building the proxy never needs a connection (the writer may be down at start).
        proxy.setDefaultAutoCommit(true);
        proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        this.dataSource = proxy;
        probe.start();
    }

    static HikariDataSource pool(
            String name,
            RoutingDataSourceProperties.Endpoint endpoint,
            int size,
            RoutingDataSourceProperties properties,
            RoutingMetrics metrics,
            boolean writer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout((writer ? properties.writerWaitTimeout() : properties.connectTimeout()).toMillis());
        config.setValidationTimeout(Math.min(properties.connectTimeout().toMillis(), 1000));
        // The writer must be there at start (Flyway needs it); a reader that is down must not stop the service.
        config.setInitializationFailTimeout(writer ? 1 : -1);
        config.addDataSourceProperty(
                "connectTimeout", Long.toString(properties.connectTimeout().toMillis()));
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    HikariDataSource writerPool() {
        return writerPool;
    }

    List<ReaderEndpoint> readers() {
        return readers;
    }

    @Override
    public void close() {
        probe.close();
        readers.forEach(reader -> reader.pool().close());
    }
}
