package com.bookstore.platform.datasource;

import com.bookstore.platform.consistency.ConsistencyContext;
import com.bookstore.testkit.DatabaseServer;
import com.bookstore.testkit.ReplicaSet;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What read/write routing costs a read-only transaction (a select by key in a Spring transaction), against the
 * same transaction on one plain pool to the same replica, both bare and behind the same
 * {@link LazyConnectionDataSourceProxy} set-up the routing uses (which alone saves the read-only flag's round
 * trips, so the last pair isolates the router: reader choice, health and lag state); and what the
 * consistency-token wait adds when the replica has already caught up (the common case). Runs its own primary
 * and two replicas on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RoutingOverheadBenchmark {

    private ReplicaSet set;
    private HikariDataSource plainPool;
    private HikariDataSource writerPool;
    private ReadWriteRouting routing;
    private TransactionTemplate plainRead;
    private TransactionTemplate lazyPlainRead;
    private TransactionTemplate routedRead;
    private JdbcTemplate plainJdbc;
    private JdbcTemplate lazyPlainJdbc;
    private JdbcTemplate routedJdbc;
    private String caughtUpPosition;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Files.createTempDirectory("bookstore-bench");
        set = ReplicaSet.open(dir, 2).start();
        set.provisionSchema("bench", "bench_rw", "bench-w", "bench_ro", "bench-r");
        set.primary().execute("CREATE TABLE bench.t (id INT PRIMARY KEY)", "INSERT INTO bench.t VALUES (1)");
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        caughtUpPosition = set.primaryPosition();

        RoutingDataSourceProperties.Endpoint writer = endpoint(set.primary(), "bench_rw", "bench-w");
        List<RoutingDataSourceProperties.Endpoint> readers = set.replicas().stream()
                .map(replica -> endpoint(replica, "bench_ro", "bench-r"))
                .toList();
        RoutingDataSourceProperties properties = new RoutingDataSourceProperties(
                writer,
                readers,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                10,
                10);
        RoutingMetrics metrics = new RoutingMetrics(new SimpleMeterRegistry());
        writerPool = ReadWriteRouting.pool("writer", writer, 10, properties, metrics, true);
        routing = new ReadWriteRouting(properties, writerPool, new MariaDbReplicationDialect(), metrics);
        plainPool = ReadWriteRouting.pool("plain", readers.get(0), 10, properties, metrics, true);

        LazyConnectionDataSourceProxy lazyPlain = new LazyConnectionDataSourceProxy(plainPool);
        lazyPlain.setReadOnlyDataSource(plainPool);
        lazyPlain.setDefaultAutoCommit(true);
        lazyPlain.setDefaultTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);

        plainRead = readOnly(plainPool);
        lazyPlainRead = readOnly(lazyPlain);
        lazyPlainJdbc = new JdbcTemplate(lazyPlain);
        routedRead = readOnly(routing.dataSource());
        plainJdbc = new JdbcTemplate(plainPool);
        routedJdbc = new JdbcTemplate(routing.dataSource());
    }

    private static RoutingDataSourceProperties.Endpoint endpoint(DatabaseServer server, String user, String password) {
        return new RoutingDataSourceProperties.Endpoint(server.jdbcUrl("bench"), user, password);
    }

    private static TransactionTemplate readOnly(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setReadOnly(true);
        return template;
    }

    @Benchmark
    public Integer plainPoolReadOnlyTransaction() {
        return plainRead.execute(status -> plainJdbc.queryForObject("SELECT id FROM t", Integer.class));
    }

    @Benchmark
    public Integer plainPoolBehindLazyProxyReadOnlyTransaction() {
        return lazyPlainRead.execute(status -> lazyPlainJdbc.queryForObject("SELECT id FROM t", Integer.class));
    }

    @Benchmark
    public Integer routedReadOnlyTransaction() {
        return routedRead.execute(status -> routedJdbc.queryForObject("SELECT id FROM t", Integer.class));
    }

    @Benchmark
    public Integer routedReadOnlyTransactionWithCaughtUpToken() {
        try (ConsistencyContext.Scope scope = ConsistencyContext.enter(caughtUpPosition)) {
            return routedRead.execute(status -> routedJdbc.queryForObject("SELECT id FROM t", Integer.class));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        plainPool.close();
        routing.close();
        writerPool.close();
        set.stop();
    }
}
