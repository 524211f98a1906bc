package com.bookstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ReplicaSetExtension.class)
class ReplicaSetTest {

    @Test
    void writesOnThePrimaryReachEveryReplicaThroughGtidReplication(ReplicaSet set) {
        set.primary()
                .execute(
                        "CREATE DATABASE IF NOT EXISTS kit",
                        "CREATE TABLE IF NOT EXISTS kit.t (v INT)",
                        "INSERT INTO kit.t VALUES (7)");
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));

        boolean mysql = set.engine() == Engine.MYSQL;
        for (DatabaseServer replica : set.replicas()) {
            assertThat(replica.queryForString("SELECT MAX(v) FROM kit.t")).contains("7");
            assertThat(replica.replicating()).isTrue();
            if (mysql) {
                assertThat(replica.replicaStatus()).containsEntry("Auto_Position", "1");
                assertThat(replica.queryForString("SELECT @@super_read_only")).contains("1");
            } else {
                assertThat(replica.replicaStatus()).containsEntry("Using_Gtid", "Slave_Pos");
            }
            assertThat(replica.queryForString("SELECT @@read_only")).contains("1");
        }
        assertThat(set.primary()
                        .queryForString(
                                mysql
                                        ? "SELECT @@rpl_semi_sync_source_wait_point"
                                        : "SELECT @@rpl_semi_sync_master_wait_point"))
                .contains("AFTER_SYNC");
        if (mysql) {
            assertThat(set.primary().queryForString("SELECT @@gtid_mode")).contains("ON");
        }
        assertThat(set.primary().queryForString("SELECT @@sync_binlog")).contains("1");
        assertThat(set.primary().queryForString("SELECT @@innodb_flush_log_at_trx_commit"))
                .contains("1");
    }

    @Test
    void aReplicaWithoutItsSqlThreadFallsBehindUntilHealed(ReplicaSet set) {
        set.primary().execute("CREATE DATABASE IF NOT EXISTS kit", "CREATE TABLE IF NOT EXISTS kit.lag (v INT)");
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        DatabaseServer replica = set.replica(1);

        set.stopSqlThread(replica);
        set.primary().execute("INSERT INTO kit.lag VALUES (1)");

        assertThat(replica.queryForString("SELECT COUNT(*) FROM kit.lag")).contains("0");
        assertThatThrownBy(() -> set.awaitReplicasCaughtUp(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        set.heal();
        assertThat(replica.queryForString("SELECT COUNT(*) FROM kit.lag")).contains("1");
    }

    @Test
    void aStoppedPrimaryComesBackAndReplicasReconnect(ReplicaSet set) {
        set.primary().stop();
        assertThat(set.primary().isRunning()).isFalse();
        set.primary().start();
        set.primary()
                .execute(
                        "CREATE DATABASE IF NOT EXISTS kit",
                        "CREATE TABLE IF NOT EXISTS kit.back (v INT)",
                        "INSERT INTO kit.back VALUES (3)");
        set.awaitReplicasCaughtUp(Duration.ofSeconds(20));
        assertThat(set.replica(2).queryForString("SELECT v FROM kit.back")).contains("3");
    }
}
