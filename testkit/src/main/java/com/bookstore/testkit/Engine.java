package com.bookstore.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The two database servers the bookstore runs on: MariaDB (Debian's {@code mariadb-server}, the default locally)
 * and MySQL (Debian's {@code mysql-server-core}, the production engine on RDS). Everything that differs between
 * them in starting a server, wiring GTID replication and reading its status lives here, so {@link ReplicaSet} and
 * the tests read the same for both. Chosen by the system property {@code bookstore.db} or the environment
 * variable {@code BOOKSTORE_DB} ({@code mariadb} or {@code mysql}).
 */
public enum Engine {
    MARIADB {
        @Override
        public String jdbcScheme() {
            return "jdbc:mariadb:";
        }

        @Override
        List<String> serverCommand(DatabaseServer server) {
            List<String> command = new ArrayList<>(List.of(
                    Binaries.mariadbd().toString(),
                    "--no-defaults",
                    "--log-slave-updates=ON",
                    "--binlog-format=ROW",
                    "--gtid-strict-mode=ON",
                    "--rpl-semi-sync-master-enabled=" + onOff(!server.isReplica()),
                    "--rpl-semi-sync-slave-enabled=ON",
                    "--rpl-semi-sync-master-wait-point=AFTER_SYNC",
                    "--rpl-semi-sync-master-timeout=1000",
                    "--slave-net-timeout=5",
                    "--innodb-log-file-size=16M",
                    "--read-only=" + onOff(server.isReplica())));
            command.addAll(commonOptions(server));
            return command;
        }

        @Override
        List<String> installCommand(Path dataDir) {
            return List.of(
                    Binaries.installDb().toString(),
                    "--no-defaults",
                    "--datadir=" + dataDir,
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db",
                    "--skip-name-resolve");
        }

        @Override
        List<String> afterStart(DatabaseServer server) {
            return List.of();
        }

        @Override
        String replicateFrom(DatabaseServer primary) {
            return "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port() + ", MASTER_USER='"
                    + DatabaseServer.REPLICATION_USER + "', MASTER_PASSWORD='" + DatabaseServer.REPLICATION_PASSWORD
                    + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1";
        }

        @Override
        String replicaKeyword() {
            return "SLAVE";
        }

        @Override
        List<String> promote() {
            return List.of(
                    "STOP SLAVE",
                    "RESET SLAVE ALL",
                    "SET GLOBAL rpl_semi_sync_master_enabled = ON",
                    "SET GLOBAL read_only = OFF");
        }

        @Override
        List<String> beforeFirstReplication() {
            // A former writer rejoining: it starts from what it has itself, not from the beginning of time.
            return List.of("SET GLOBAL gtid_slave_pos = @@gtid_binlog_pos");
        }

        @Override
        boolean isAhead(DatabaseServer a, DatabaseServer b) {
            return sequence(a) > sequence(b);
        }

        private static long sequence(DatabaseServer server) {
            long highest = -1;
            for (String gtid :
                    server.queryForString("SELECT @@gtid_slave_pos").orElse("").split(",")) {
                String[] parts = gtid.trim().split("-");
                if (parts.length == 3) {
                    highest = Math.max(highest, Long.parseLong(parts[2]));
                }
            }
            return highest;
        }

        @Override
        String delayTo(int seconds) {
            return "CHANGE MASTER TO MASTER_DELAY=" + seconds;
        }

        @Override
        String positionQuery() {
            return "SELECT @@gtid_binlog_pos";
        }

        @Override
        String waitQuery(String position, long seconds) {
            return "SELECT MASTER_GTID_WAIT('" + position + "', " + seconds + ")";
        }

        @Override
        String statusColumn(String neutral) {
            return neutral.replace("Replica", "Slave").replace("Source", "Master");
        }

        @Override
        String readerMonitorGrant() {
            return "SLAVE MONITOR";
        }

        @Override
        String rowsReadQuery(String schema, String table) {
            return "SELECT COALESCE(SUM(ROWS_READ), 0) FROM information_schema.TABLE_STATISTICS "
                    + "WHERE TABLE_SCHEMA = '" + schema + "' AND TABLE_NAME = '" + table + "'";
        }

        @Override
        List<String> resetRowsRead() {
            // LOCAL: a FLUSH in the binlog would break GTID replication.
            return List.of("SET GLOBAL userstat = ON", "FLUSH LOCAL TABLE_STATISTICS");
        }
    },

    MYSQL {
        @Override
        public String jdbcScheme() {
            return "jdbc:mysql:";
        }

        @Override
        List<String> serverCommand(DatabaseServer server) {
            List<String> command = mysqld();
            command.addAll(List.of(
                    "--secure-file-priv=",
                    "--mysqlx=OFF",
                    "--log-replica-updates=ON",
                    "--gtid-mode=ON",
                    "--enforce-gtid-consistency=ON",
                    "--plugin-load-add=semisync_source.so",
                    "--plugin-load-add=semisync_replica.so",
                    "--rpl-semi-sync-source-enabled=" + onOff(!server.isReplica()),
                    "--rpl-semi-sync-replica-enabled=ON",
                    "--rpl-semi-sync-source-wait-point=AFTER_SYNC",
                    "--rpl-semi-sync-source-timeout=1000",
                    "--replica-net-timeout=5",
                    "--innodb-redo-log-capacity=16M",
                    "--performance-schema=ON"));
            command.addAll(commonOptions(server));
            return command;
        }

        @Override
        List<String> installCommand(Path dataDir) {
            List<String> command = mysqld();
            command.addAll(List.of("--initialize-insecure", "--datadir=" + dataDir));
            return command;
        }

        @Override
        List<String> afterStart(DatabaseServer server) {
            // Set here rather than on the command line: the start-up file creates the administrator, which
            // super_read_only would refuse. Nobody but replication writes to a replica, not even an administrator.
            return List.of("SET GLOBAL super_read_only = " + onOff(server.isReplica()));
        }

        @Override
        String replicateFrom(DatabaseServer primary) {
            return "CHANGE REPLICATION SOURCE TO SOURCE_HOST='127.0.0.1', SOURCE_PORT=" + primary.port()
                    + ", SOURCE_USER='" + DatabaseServer.REPLICATION_USER + "', SOURCE_PASSWORD='"
                    + DatabaseServer.REPLICATION_PASSWORD
                    + "', SOURCE_AUTO_POSITION=1, SOURCE_CONNECT_RETRY=1, SOURCE_SSL=1";
        }

        @Override
        String replicaKeyword() {
            return "REPLICA";
        }

        @Override
        List<String> promote() {
            return List.of(
                    "STOP REPLICA",
                    "RESET REPLICA ALL",
                    "SET GLOBAL rpl_semi_sync_source_enabled = ON",
                    "SET GLOBAL super_read_only = OFF",
                    "SET GLOBAL read_only = OFF");
        }

        @Override
        List<String> beforeFirstReplication() {
            return List.of(); // auto-position starts from gtid_executed
        }

        @Override
        boolean isAhead(DatabaseServer a, DatabaseServer b) {
            String executedA =
                    a.queryForString("SELECT @@gtid_executed").orElse("").replace("\n", "");
            String executedB =
                    b.queryForString("SELECT @@gtid_executed").orElse("").replace("\n", "");
            return "1"
                    .equals(a.queryForString("SELECT GTID_SUBSET('" + executedB + "', '" + executedA
                                    + "') AND NOT GTID_SUBSET('" + executedA + "', '" + executedB + "')")
                            .orElse("0"));
        }

        @Override
        String delayTo(int seconds) {
            return "CHANGE REPLICATION SOURCE TO SOURCE_DELAY=" + seconds;
        }

        @Override
        String positionQuery() {
            return "SELECT @@global.gtid_executed";
        }

        @Override
        String waitQuery(String position, long seconds) {
            return "SELECT WAIT_FOR_EXECUTED_GTID_SET('" + position.replace("\n", "") + "', " + seconds + ")";
        }

        @Override
        String statusColumn(String neutral) {
            return neutral;
        }

        @Override
        String readerMonitorGrant() {
            return "REPLICATION CLIENT";
        }

        @Override
        String rowsReadQuery(String schema, String table) {
            return "SELECT COALESCE(SUM(COUNT_FETCH), 0) FROM performance_schema.table_io_waits_summary_by_table "
                    + "WHERE OBJECT_SCHEMA = '" + schema + "' AND OBJECT_NAME = '" + table + "'";
        }

        @Override
        List<String> resetRowsRead() {
            return List.of("TRUNCATE TABLE performance_schema.table_io_waits_summary_by_table");
        }
    };

    /** MySQL's server program from its own folder, with that folder's messages, character sets and plugins. */
    private static List<String> mysqld() {
        Path root = Binaries.mysqlRoot();
        List<String> command = new ArrayList<>(Binaries.mysqlLauncher("mysqld"));
        command.addAll(List.of(
                "--no-defaults",
                "--basedir=" + root.resolve("usr"),
                "--lc-messages-dir=" + root.resolve("usr/share/mysql"),
                "--character-sets-dir=" + root.resolve("usr/share/mysql/charsets"),
                "--plugin-dir=" + root.resolve("usr/lib/mysql/plugin")));
        return command;
    }

    /** The engine chosen for this JVM: {@code -Dbookstore.db=} or {@code BOOKSTORE_DB}, MariaDB by default. */
    public static Engine current() {
        String chosen = System.getProperty("bookstore.db", System.getenv().getOrDefault("BOOKSTORE_DB", "mariadb"));
        return switch (chosen.trim().toLowerCase(Locale.ROOT)) {
            case "", "mariadb" -> MARIADB;
            case "mysql" -> MYSQL;
            default -> throw new IllegalStateException("BOOKSTORE_DB must be mariadb or mysql, not " + chosen);
        };
    }

    /** The start of every JDBC URL for this engine, with the driver the services use for it. */
    public abstract String jdbcScheme();

    abstract List<String> serverCommand(DatabaseServer server);

    /** Creates an empty data folder with the system tables (no password on the built-in administrator). */
    abstract List<String> installCommand(Path dataDir);

    /** Statements an administrator runs after every start. */
    abstract List<String> afterStart(DatabaseServer server);

    /** The statement that points a replica at the primary, positioning itself by GTID. */
    abstract String replicateFrom(DatabaseServer primary);

    /** Makes a replica the writer: replication off and forgotten, writable, semi-synchronous source. */
    abstract List<String> promote();

    /** Run on a server before it first replicates (a new replica, or a former writer rejoining). */
    abstract List<String> beforeFirstReplication();

    /** Whether replica {@code a} has applied strictly more of the writer's transactions than {@code b}. */
    abstract boolean isAhead(DatabaseServer a, DatabaseServer b);

    /** Whether a replica has applied everything it received (its receiver may be stopped). */
    boolean relayApplied(Map<String, String> status) {
        return Objects.equals(
                        status.get(statusColumn("Source_Log_File")), status.get(statusColumn("Relay_Source_Log_File")))
                && Objects.equals(
                        status.get(statusColumn("Read_Source_Log_Pos")),
                        status.get(statusColumn("Exec_Source_Log_Pos")));
    }

    /** {@code SLAVE} or {@code REPLICA}, as in {@code START SLAVE} / {@code START REPLICA}. */
    abstract String replicaKeyword();

    abstract String delayTo(int seconds);

    abstract String positionQuery();

    abstract String waitQuery(String position, long seconds);

    /** A replica status column named as MySQL names it ({@code Replica_IO_Running}), as this engine names it. */
    abstract String statusColumn(String neutral);

    /** The privilege that lets the reader account read replication status (the reader probe does). */
    abstract String readerMonitorGrant();

    abstract String rowsReadQuery(String schema, String table);

    abstract List<String> resetRowsRead();

    /** Whether a replica's status shows both replication threads running. */
    boolean replicating(Map<String, String> status) {
        return "Yes".equals(status.get(statusColumn("Replica_IO_Running")))
                && "Yes".equals(status.get(statusColumn("Replica_SQL_Running")));
    }

    static List<String> commonOptions(DatabaseServer server) {
        List<String> options = new ArrayList<>(List.of(
                "--datadir=" + server.dataDir(),
                "--port=" + server.port(),
                "--bind-address=127.0.0.1",
                "--socket=" + server.dataDir().resolve("server.sock"),
                "--pid-file=" + server.pidFile(),
                "--log-error=" + server.errorLog(),
                "--init-file=" + server.dataDir().resolve("init.sql"),
                "--server-id=" + server.serverId(),
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--innodb-buffer-pool-size=64M",
                "--max-connections=300",
                // Replication: GTID, row-based, durable, semi-synchronous AFTER_SYNC (engine options above).
                "--log-bin=binlog",
                "--relay-log=relay-bin",
                "--sync-binlog=1",
                "--innodb-flush-log-at-trx-commit=1"));
        if (Binaries.runningAsRoot()) {
            options.add("--user=root");
        }
        return options;
    }

    private static String onOff(boolean on) {
        return on ? "ON" : "OFF";
    }
}
