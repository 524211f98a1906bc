package com.bookstore.platform.datasource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * MySQL 8.4 GTIDs are sets ({@code uuid[:tag]:interval[:interval]…}, comma separated); waiting uses
 * {@code WAIT_FOR_EXECUTED_GTID_SET}, and status comes from {@code SHOW REPLICA STATUS}.
 */
public final class MySqlReplicationDialect implements ReplicationDialect {

    private static final String UUID_SET =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(:[A-Za-z_][A-Za-z0-9_]{0,31})?(:\\d{1,20}(-\\d{1,20})?)+";
    private static final Pattern POSITION = Pattern.compile(UUID_SET + "(," + UUID_SET + "){0,31}");

    @Override
    public String positionQuery() {
        return "SELECT @@global.gtid_executed";
    }

    @Override
    public String waitQuery() {
        return "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)";
    }

    @Override
    public boolean reached(int waitResult) {
        return waitResult == 0;
    }

    @Override
    public boolean isWellFormed(String position) {
        return POSITION.matcher(position).matches();
    }

    @Override
    public String replicaStatusQuery() {
        return "SHOW REPLICA STATUS";
    }

    @Override
    public ReplicaStatus readReplicaStatus(ResultSet row) throws SQLException {
        boolean receiving = "Yes".equalsIgnoreCase(row.getString("Replica_IO_Running"));
        boolean applying = "Yes".equalsIgnoreCase(row.getString("Replica_SQL_Running"));
        long lag = row.getLong("Seconds_Behind_Source");
        return new ReplicaStatus(receiving, applying, row.wasNull() ? null : lag);
    }
}
