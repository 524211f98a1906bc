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

        for (MariaDbServer replica : set.replicas()) {
            assertThat(replica.queryForString("SELECT MAX(v) FROM kit.t")).contains("7");
            assertThat(replica.replicaStatus())
                    .containsEntry("Using_Gtid", "Slave_Pos")
                    .containsEntry("Slave_IO_Running", "Yes")
                    .containsEntry("Slave_SQL_Running", "Yes");
            assertThat(replica.queryForString("SELECT @@read_only")).contains("1");
        }
        assertThat(set.primary().queryForString("SELECT @@rpl_semi_sync_master_wait_point"))
                .contains("AFTER_SYNC");
        assertThat(set.primary().queryForString("SELECT @@sync_binlog")).contains("1");
        assertThat(set.primary().queryForString("SELECT @@innodb_flush_log_at_trx_commit"))
                .contains("1");
    }

    @Test
    void aReplicaWithoutItsSqlThreadFallsBehindUntilHealed(ReplicaSet set) {
        set.primary().execute("CREATE DATABASE IF NOT EXISTS kit", "CREATE TABLE IF NOT EXISTS kit.lag (v INT)");
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        MariaDbServer replica = set.replica(1);

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
