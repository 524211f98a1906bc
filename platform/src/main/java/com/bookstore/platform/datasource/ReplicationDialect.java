package com.bookstore.platform.datasource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The SQL that differs between MariaDB (local and tests) and MySQL 8.4 (production) for GTID positions, waiting
 * for a position on a replica, and reading replication status.
 */
public sealed interface ReplicationDialect permits MariaDbReplicationDialect, MySqlReplicationDialect {

    /** Query returning, on the writer, a position that includes every transaction committed so far. */
    String positionQuery();

    /** Query with parameters (position, timeout in seconds) that waits on a replica for a position. */
    String waitQuery();

    /** Whether the single integer the wait query returned means the position was reached. */
    boolean reached(int waitResult);

    /** Whether a position received from a client has this dialect's syntax; anything else is ignored. */
    boolean isWellFormed(String position);

    /** Query listing replication status of the server (no row when it replicates nothing). */
    String replicaStatusQuery();

    /** Reads the row of {@link #replicaStatusQuery()}, positioned on it. */
    ReplicaStatus readReplicaStatus(ResultSet row) throws SQLException;

    /** Timeout as the decimal number of seconds both servers accept. */
    static String seconds(Duration timeout) {
        return String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0);
    }

    static ReplicationDialect forJdbcUrl(String url) {
        if (url.startsWith("jdbc:mariadb:")) {
            return new MariaDbReplicationDialect();
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:aws-wrapper:mysql:")) {
            return new MySqlReplicationDialect();
        }
        throw new IllegalStateException("bookstore.datasource.writer.url must start with jdbc:mariadb: or "
                + "jdbc:mysql: (read/write routing knows these two servers), not " + url);
    }

    /** Whether each replication thread runs (the receiver connected, the applier applying), and lag when known. */
    record ReplicaStatus(boolean receiving, boolean applying, Long lagSeconds) {

        public static final ReplicaStatus NOT_A_REPLICA = new ReplicaStatus(true, true, 0L);
    }
}
