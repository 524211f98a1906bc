package com.bookstore.platform.datasource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** MariaDB GTIDs are {@code domain-server-sequence} lists; waiting uses {@code MASTER_GTID_WAIT}. */
public final class MariaDbReplicationDialect implements ReplicationDialect {

    private static final Pattern POSITION =
            Pattern.compile("\\d{1,10}-\\d{1,10}-\\d{1,20}(,\\d{1,10}-\\d{1,10}-\\d{1,20}){0,31}");

    @Override
    public String positionQuery() {
        return "SELECT @@global.gtid_binlog_pos";
    }

    @Override
    public String waitQuery() {
        return "SELECT MASTER_GTID_WAIT(?, ?)";
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
        return "SHOW SLAVE STATUS";
    }

    @Override
    public ReplicaStatus readReplicaStatus(ResultSet row) throws SQLException {
        boolean receiving = "Yes".equalsIgnoreCase(row.getString("Slave_IO_Running"));
        boolean applying = "Yes".equalsIgnoreCase(row.getString("Slave_SQL_Running"));
        long lag = row.getLong("Seconds_Behind_Master");
        return new ReplicaStatus(receiving, applying, row.wasNull() ? null : lag);
    }
}
