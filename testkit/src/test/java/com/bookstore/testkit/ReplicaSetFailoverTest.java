package com.bookstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover on a replica set of its own (the shared one keeps its roles for the other tests). */
class ReplicaSetFailoverTest {

    @Test
    void theMostAdvancedReplicaTakesOverAndTheFormerWriterRejoinsAsAReadOnlyReplica(@TempDir Path dir)
            throws Exception {
        ReplicaSet set = ReplicaSet.open(dir, 2).start();
        try {
            set.primary()
                    .execute(
                            "CREATE DATABASE kit",
                            "CREATE TABLE kit.f (v INT PRIMARY KEY)",
                            "INSERT INTO kit.f VALUES (1)");
            set.awaitReplicasCaughtUp(Duration.ofSeconds(20));
            // replica2 stops receiving: replica1 alone gets the second row before the writer dies.
            set.replica(2).execute("STOP " + set.engine().replicaKeyword());
            set.primary().execute("INSERT INTO kit.f VALUES (2)");
            awaitCount(set.replica(1), 2);
            set.primary().kill();

            DatabaseServer writer = set.failover();

            assertThat(writer.name()).isEqualTo("replica1");
            assertThat(Files.readString(set.endpointTargetFile()).trim()).isEqualTo(Integer.toString(writer.port()));
            writer.execute("INSERT INTO kit.f VALUES (3)");
            ReplicaSet after = ReplicaSet.open(dir, 0);
            assertThat(after.primary().name()).isEqualTo("replica1");
            assertThat(after.replicas()).extracting(DatabaseServer::name).containsExactly("primary", "replica2");
            awaitCount(after.replicas().get(1), 3); // replica2 follows the new writer

            after.start(); // the former writer comes back: a read-only replica of the new one
            DatabaseServer former = after.replicas().getFirst();
            awaitCount(former, 3);
            assertThat(former.queryForString("SELECT @@read_only")).contains("1");
            assertThat(former.replicating()).isTrue();
        } finally {
            ReplicaSet.open(dir, 0).stop();
        }
    }

    private static void awaitCount(DatabaseServer server, int rows) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (server.queryForString("SELECT COUNT(*) FROM kit.f").orElse("").equals(Integer.toString(rows))) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(server.queryForString("SELECT COUNT(*) FROM kit.f"))
                .as(server.name())
                .contains(Integer.toString(rows));
    }
}
