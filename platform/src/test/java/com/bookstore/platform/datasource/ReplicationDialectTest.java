package com.bookstore.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicationDialectTest {

    private final ReplicationDialect mysql = new MySqlReplicationDialect();
    private final ReplicationDialect mariadb = new MariaDbReplicationDialect();

    @Test
    void mysqlCapturesTheExecutedSetAndWaitsWithWaitForExecutedGtidSet() {
        assertThat(mysql.positionQuery()).isEqualTo("SELECT @@global.gtid_executed");
        assertThat(mysql.waitQuery()).isEqualTo("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)");
        assertThat(mysql.replicaStatusQuery()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(mysql.reached(0)).isTrue();
        assertThat(mysql.reached(1)).as("1 means the timeout expired").isFalse();
    }

    @Test
    void mariadbCapturesTheBinlogPositionAndWaitsWithMasterGtidWait() {
        assertThat(mariadb.positionQuery()).isEqualTo("SELECT @@global.gtid_binlog_pos");
        assertThat(mariadb.waitQuery()).isEqualTo("SELECT MASTER_GTID_WAIT(?, ?)");
        assertThat(mariadb.reached(0)).isTrue();
        assertThat(mariadb.reached(-1)).as("-1 means the timeout expired").isFalse();
    }

    @Test
    void positionsFromClientsMustHaveTheDialectsSyntax() {
        assertThat(mysql.isWellFormed("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5"))
                .isTrue();
        assertThat(mysql.isWellFormed("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7,"
                        + "4e11fa47-71ca-11e1-9e33-c80aa9429562:tag_1:1-3"))
                .isTrue();
        assertThat(mysql.isWellFormed("0-1-42")).isFalse();
        assertThat(mysql.isWellFormed("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'; DROP TABLE x"))
                .isFalse();

        assertThat(mariadb.isWellFormed("0-1-42")).isTrue();
        assertThat(mariadb.isWellFormed("0-1-42,1-2-7")).isTrue();
        assertThat(mariadb.isWellFormed("0-1-42; SELECT 1")).isFalse();
        assertThat(mariadb.isWellFormed("")).isFalse();
    }

    @Test
    void timeoutsAreDecimalSeconds() {
        assertThat(ReplicationDialect.seconds(Duration.ofMillis(500))).isEqualTo("0.500");
        assertThat(ReplicationDialect.seconds(Duration.ofSeconds(2))).isEqualTo("2.000");
    }

    @Test
    void theDialectFollowsTheWriterUrlAndRefusesOtherServers() {
        assertThat(ReplicationDialect.forJdbcUrl("jdbc:mysql://db:3306/x")).isInstanceOf(MySqlReplicationDialect.class);
        assertThat(ReplicationDialect.forJdbcUrl("jdbc:aws-wrapper:mysql://db:3306/x"))
                .isInstanceOf(MySqlReplicationDialect.class);
        assertThat(ReplicationDialect.forJdbcUrl("jdbc:mariadb://db:3306/x"))
                .isInstanceOf(MariaDbReplicationDialect.class);
        assertThatThrownBy(() -> ReplicationDialect.forJdbcUrl("jdbc:postgresql://db/x"))
                .hasMessageContaining("bookstore.datasource.writer.url");
    }
}
