package com.bookstore.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Command line for {@code ./bookstore}: {@code up DIR [PRIMARY_PORT REPLICA_PORT...]}, {@code down DIR},
 * {@code status DIR}, {@code provision DIR SCHEMA WRITER_USER WRITER_PASSWORD READER_USER READER_PASSWORD},
 * {@code ports DIR}, {@code sync DIR} (wait until every replica has applied what the primary has), {@code failover
 * DIR} (promote the most advanced replica; prints the new writer) and {@code writer DIR}. Servers started here
 * outlive this JVM; they are stopped by PID with {@code down}.
 */
public final class ReplicaSetCli {

    private ReplicaSetCli() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            usage();
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        try {
            switch (args[0]) {
                case "up" -> up(dir, Arrays.copyOfRange(args, 2, args.length));
                case "down" -> {
                    if (ReplicaSet.exists(dir)) {
                        ReplicaSet.open(dir, 0).stop();
                    }
                }
                case "status" -> System.exit(status(dir) ? 0 : 1);
                case "provision" -> {
                    if (args.length != 7) {
                        usage();
                    }
                    ReplicaSet set = ReplicaSet.open(dir, 0);
                    set.provisionSchema(args[2], args[3], args[4], args[5], args[6]);
                    set.awaitReplicasCaughtUp(Duration.ofSeconds(30));
                }
                case "sync" -> ReplicaSet.open(dir, 0).awaitReplicasCaughtUp(Duration.ofSeconds(30));
                case "failover" -> {
                    DatabaseServer writer = ReplicaSet.open(dir, 0).failover();
                    System.out.println(writer.name() + "=" + writer.port());
                }
                case "query" -> { // the first column of the first row, on the writer
                    if (args.length != 3) {
                        usage();
                    }
                    System.out.println(ReplicaSet.open(dir, 0)
                            .primary()
                            .queryForString(args[2])
                            .orElse(""));
                }
                case "writer" -> {
                    DatabaseServer writer = ReplicaSet.open(dir, 0).primary();
                    System.out.println(writer.name() + "=" + writer.port());
                }
                case "ports" -> {
                    ReplicaSet set = ReplicaSet.open(dir, 0);
                    set.all().forEach(server -> System.out.println(server.name() + "=" + server.port()));
                }
                default -> usage();
            }
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void up(Path dir, String[] portArgs) {
        int[] ports = Arrays.stream(portArgs).mapToInt(Integer::parseInt).toArray();
        int replicas = ports.length > 1 ? ports.length - 1 : 2;
        ReplicaSet set = ReplicaSet.open(dir, replicas, ports);
        set.start();
        status(dir);
    }

    /** Prints one line per server; true when every server runs and every replica replicates. */
    private static boolean status(Path dir) {
        if (!ReplicaSet.exists(dir)) {
            System.out.println("database      not created");
            return false;
        }
        boolean healthy = true;
        ReplicaSet set = ReplicaSet.open(dir, 0);
        String version = set.primary().isRunning()
                ? set.primary().queryForString("SELECT VERSION()").orElse("")
                : "";
        System.out.printf("%-13s %s %s%n", "engine", set.engine().name().toLowerCase(java.util.Locale.ROOT), version);
        for (DatabaseServer server : set.all()) {
            String state;
            if (!server.isRunning()) {
                state = "stopped";
                healthy = false;
            } else if (!server.isReplica()) {
                state = "running  pid " + server.pid().getAsLong() + "  writer (read-write)";
            } else {
                Map<String, String> replication = server.replicaStatus();
                Engine engine = server.engine();
                boolean io = "Yes".equals(replication.get(engine.statusColumn("Replica_IO_Running")));
                boolean sql = "Yes".equals(replication.get(engine.statusColumn("Replica_SQL_Running")));
                String lag = replication.get(engine.statusColumn("Seconds_Behind_Source"));
                healthy &= io && sql;
                state = "running  pid " + server.pid().getAsLong() + "  reader (read-only)  replication "
                        + (io && sql ? "running" : "BROKEN (io=" + io + ", sql=" + sql + ")")
                        + "  lag " + (lag == null ? "unknown" : lag + "s");
            }
            System.out.printf("%-13s 127.0.0.1:%-6d %s%n", server.name(), server.port(), state);
        }
        return healthy;
    }

    private static void usage() {
        System.err.println("usage: ReplicaSetCli up|down|status|ports|sync|failover|writer DIR [PORTS...]"
                + " | provision DIR SCHEMA WUSER WPASS RUSER RPASS");
        System.exit(64);
    }
}
