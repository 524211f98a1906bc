package com.bookstore.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One local database server process ({@code mariadbd} or {@code mysqld}, see {@link Engine}) with its own data
 * folder and loopback port. It knows how to start, stop (cleanly or with SIGKILL) and run SQL as the
 * administrator; replication wiring lives in {@link ReplicaSet}.
 */
public final class DatabaseServer {

    static final String ADMIN_USER = "bookstore_admin";
    static final String ADMIN_PASSWORD = "admin-local-only";
    static final String REPLICATION_USER = "bookstore_repl";
    static final String REPLICATION_PASSWORD = "repl-local-only";

    private final String name;
    private final Path dataDir;
    private final int port;
    private final int serverId;
    private final boolean replica;
    private final Engine engine;

    DatabaseServer(Engine engine, String name, Path dataDir, int port, int serverId, boolean replica) {
        this.engine = engine;
        this.name = name;
        this.dataDir = dataDir;
        this.port = port;
        this.serverId = serverId;
        this.replica = replica;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public int serverId() {
        return serverId;
    }

    public boolean isReplica() {
        return replica;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Engine engine() {
        return engine;
    }

    /** JDBC URL for a schema on this server, with bounded connect and socket timeouts. */
    public String jdbcUrl(String schema) {
        return engine.jdbcScheme() + "//127.0.0.1:" + port + "/" + schema + "?connectTimeout=2000";
    }

    Path pidFile() {
        return dataDir.resolve("server.pid");
    }

    Path errorLog() {
        return dataDir.resolve("error.log");
    }

    /** The PID the server wrote itself, if the process is alive. */
    public OptionalLong pid() {
        try {
            if (!Files.exists(pidFile())) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    /** Starts the process (detached from this JVM's lifetime) and waits until it accepts connections. */
    public void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.deleteIfExists(pidFile());
            Files.writeString(dataDir.resolve("init.sql"), initSql(), StandardCharsets.UTF_8);
            new ProcessBuilder(engine.serverCommand(this))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("stdout.log").toFile()))
                    .redirectErrorStream(true)
                    .start();
            awaitReady(Duration.ofSeconds(60));
            execute(engine.afterStart(this).toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private String initSql() {
        // Runs at every start, never binlogged: the administrative accounts exist on each server on its own.
        return String.join(
                "\n",
                "SET sql_log_bin = 0;",
                "CREATE USER IF NOT EXISTS '" + ADMIN_USER + "'@'127.0.0.1' IDENTIFIED BY '" + ADMIN_PASSWORD + "';",
                "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN_USER + "'@'127.0.0.1' WITH GRANT OPTION;",
                "CREATE USER IF NOT EXISTS '" + REPLICATION_USER + "'@'127.0.0.1' IDENTIFIED BY '"
                        + REPLICATION_PASSWORD + "';",
                "GRANT REPLICATION SLAVE ON *.* TO '" + REPLICATION_USER + "'@'127.0.0.1';",
                "");
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " did not accept connections within " + timeout + " ("
                + (last == null ? "" : last.getMessage()) + "). Last lines of " + errorLog() + ":\n"
                + tail(errorLog(), 20));
    }

    /** Clean shutdown (SIGTERM) and wait for the process to exit. */
    public void stop() {
        signal(false);
    }

    /** Abrupt stop (SIGKILL), as a crash would do. */
    public void kill() {
        signal(true);
    }

    private void signal(boolean forcibly) {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(process -> {
            if (forcibly) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /**
     * A fresh administrator connection over TCP. On a replica nothing it does reaches the binlog: an event of the
     * replica's own would break GTID replication in strict mode.
     */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(
                engine.jdbcScheme() + "//127.0.0.1:" + port + "/?connectTimeout=2000&socketTimeout=60000",
                ADMIN_USER,
                ADMIN_PASSWORD);
        if (replica) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_log_bin = 0");
            }
        }
        return connection;
    }

    /** Runs statements as the administrator. */
    public void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query, as text. */
    public Optional<String> queryForString(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code SHOW SLAVE STATUS} (MariaDB) or {@code SHOW REPLICA STATUS} (MySQL) of a replica as column → value, in
     * the engine's own column names; empty when this server replicates nothing.
     */
    public Map<String, String> replicaStatus() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW " + engine.replicaKeyword() + " STATUS")) {
            Map<String, String> status = new LinkedHashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    status.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
            }
            return status;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rows this server has read from a table since its statistics were last reset (MariaDB's {@code userstat},
     * MySQL's performance schema): which server served a query, as the server itself counts it.
     */
    public long rowsRead(String schema, String table) {
        return queryForString(engine.rowsReadQuery(schema, table))
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** Turns table statistics on and zeroes them, on this server only. */
    public void resetTableStatistics() {
        execute(engine.resetRowsRead().toArray(String[]::new));
    }

    /** Whether this replica's receiver and applier both run. */
    public boolean replicating() {
        return engine.replicating(replicaStatus());
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + "(127.0.0.1:" + port + ", server_id=" + serverId + ")";
    }
}
