package com.bookstore.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A MariaDB primary and N read-only replicas on loopback, wired with GTID replication
 * ({@code MASTER_USE_GTID=slave_pos}), durable settings and semi-synchronous {@code AFTER_SYNC}. Its data folder
 * survives {@link #stop()} and a later {@link #open} of the same folder starts the same servers again.
 */
public final class ReplicaSet {

    private static final String LAYOUT_FILE = "replica-set.properties";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Path baseDir;
    private final MariaDbServer primary;
    private final List<MariaDbServer> replicas;

    private ReplicaSet(Path baseDir, MariaDbServer primary, List<MariaDbServer> replicas) {
        this.baseDir = baseDir;
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
    }

    /**
     * Opens the replica set kept in {@code baseDir}, creating it on first use with {@code replicaCount} replicas on
     * the given ports ({@code ports[0]} for the primary; 0 picks a free port). Nothing is started yet.
     */
    public static ReplicaSet open(Path baseDir, int replicaCount, int... ports) {
        try {
            Files.createDirectories(baseDir);
            Path layoutFile = baseDir.resolve(LAYOUT_FILE);
            Properties layout = new Properties();
            if (Files.exists(layoutFile)) {
                try (Reader reader = Files.newBufferedReader(layoutFile)) {
                    layout.load(reader);
                }
            } else {
                layout.setProperty("replicas", Integer.toString(replicaCount));
                for (int i = 0; i <= replicaCount; i++) {
                    int wanted = ports.length > i ? ports[i] : 0;
                    layout.setProperty("port." + i, Integer.toString(wanted == 0 ? freePort() : wanted));
                }
            }
            int count = Integer.parseInt(layout.getProperty("replicas"));
            MariaDbServer primary = new MariaDbServer("primary", baseDir.resolve("primary"), port(layout, 0), 1, false);
            List<MariaDbServer> replicas = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                replicas.add(
                        new MariaDbServer("replica" + i, baseDir.resolve("replica" + i), port(layout, i), 1 + i, true));
            }
            ReplicaSet set = new ReplicaSet(baseDir, primary, replicas);
            if (!Files.exists(layoutFile)) {
                set.initialize();
                try (Writer writer = Files.newBufferedWriter(layoutFile)) {
                    layout.store(writer, "Bookstore local replica set");
                }
            }
            return set;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not prepare the replica set in " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private static int port(Properties layout, int index) {
        return Integer.parseInt(layout.getProperty("port." + index));
    }

    public static boolean exists(Path baseDir) {
        return Files.exists(baseDir.resolve(LAYOUT_FILE));
    }

    public MariaDbServer primary() {
        return primary;
    }

    public List<MariaDbServer> replicas() {
        return replicas;
    }

    public MariaDbServer replica(int number) {
        return replicas.get(number - 1);
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Creates the data folders once: one {@code mariadb-install-db}, copied to every server. */
    private void initialize() throws IOException {
        Path template = baseDir.resolve(".template");
        deleteRecursively(template);
        List<String> command = new ArrayList<>(List.of(
                Binaries.installDb().toString(),
                "--no-defaults",
                "--datadir=" + template,
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve"));
        if (Binaries.runningAsRoot()) {
            command.add("--user=root");
        }
        Path log = baseDir.resolve("install-db.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("mariadb-install-db failed:\n" + MariaDbServer.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        for (MariaDbServer server : all()) {
            deleteRecursively(server.dataDir());
            copyRecursively(template, server.dataDir());
        }
        deleteRecursively(template);
    }

    /** Starts every server that is not running, and wires replication on the first start. */
    public ReplicaSet start() {
        List<CompletableFuture<Void>> starting = all().stream()
                .map(server -> CompletableFuture.runAsync(server::start))
                .toList();
        starting.forEach(CompletableFuture::join);
        for (MariaDbServer replica : replicas) {
            if (replica.replicaStatus().isEmpty()) {
                replica.execute(
                        "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                                + ", MASTER_USER='" + MariaDbServer.REPLICATION_USER + "', MASTER_PASSWORD='"
                                + MariaDbServer.REPLICATION_PASSWORD
                                + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1",
                        "START SLAVE");
            }
        }
        awaitReplicasCaughtUp(Duration.ofSeconds(30));
        return this;
    }

    /** Stops every server cleanly; the data stays. */
    public void stop() {
        List<MariaDbServer> order = new ArrayList<>(replicas);
        order.add(primary);
        order.stream()
                .map(server -> CompletableFuture.runAsync(server::stop))
                .toList()
                .forEach(CompletableFuture::join);
    }

    public List<MariaDbServer> all() {
        List<MariaDbServer> all = new ArrayList<>();
        all.add(primary);
        all.addAll(replicas);
        return all;
    }

    /**
     * Creates a service's schema and its two accounts on the primary (replicated to every replica): one that may do
     * anything in that schema only, and one that may only SELECT from it (plus read replication status, for the
     * reader probe).
     */
    public void provisionSchema(
            String schema, String writerUser, String writerPassword, String readerUser, String readerPassword) {
        for (String identifier : List.of(schema, writerUser, readerUser)) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("not a plain identifier: " + identifier);
            }
        }
        primary.execute(
                "CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER IF NOT EXISTS '" + writerUser + "'@'127.0.0.1' IDENTIFIED BY '" + quote(writerPassword)
                        + "'",
                "GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + writerUser + "'@'127.0.0.1'",
                "CREATE USER IF NOT EXISTS '" + readerUser + "'@'127.0.0.1' IDENTIFIED BY '" + quote(readerPassword)
                        + "'",
                "GRANT SELECT ON `" + schema + "`.* TO '" + readerUser + "'@'127.0.0.1'",
                "GRANT SLAVE MONITOR ON *.* TO '" + readerUser + "'@'127.0.0.1'");
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }

    /** The primary's current GTID position ({@code @@gtid_binlog_pos}). */
    public String primaryPosition() {
        return primary.queryForString("SELECT @@gtid_binlog_pos").orElse("");
    }

    /** Waits until every running replica has applied everything the primary has written. */
    public void awaitReplicasCaughtUp(Duration timeout) {
        String position = primaryPosition();
        if (position.isEmpty()) {
            return;
        }
        for (MariaDbServer replica : replicas) {
            if (!replica.isRunning()) {
                continue;
            }
            String result = replica.queryForString(
                            "SELECT MASTER_GTID_WAIT('" + position + "', " + timeout.toSeconds() + ")")
                    .orElse("-1");
            if (!"0".equals(result)) {
                throw new IllegalStateException(replica + " did not reach " + position + " within " + timeout
                        + "; status: " + replica.replicaStatus());
            }
        }
    }

    /** Stops a replica's SQL thread: it keeps receiving the primary's events but applies none (lag grows). */
    public void stopSqlThread(MariaDbServer replica) {
        replica.execute("STOP SLAVE SQL_THREAD");
    }

    public void startSqlThread(MariaDbServer replica) {
        replica.execute("START SLAVE SQL_THREAD");
    }

    /** Makes a replica apply every event {@code seconds} after the primary wrote it ({@code MASTER_DELAY}). */
    public void delay(MariaDbServer replica, int seconds) {
        replica.execute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=" + seconds, "START SLAVE");
    }

    /**
     * Back to the nominal state after a test played with the set: every server running, no delay, replication
     * threads running, replicas caught up.
     */
    public void heal() {
        all().stream()
                .map(server -> CompletableFuture.runAsync(server::start))
                .toList()
                .forEach(CompletableFuture::join);
        for (MariaDbServer replica : replicas) {
            Map<String, String> status = replica.replicaStatus();
            boolean delayed = !"0".equals(status.getOrDefault("SQL_Delay", "0"));
            boolean threadsRunning =
                    "Yes".equals(status.get("Slave_IO_Running")) && "Yes".equals(status.get("Slave_SQL_Running"));
            if (delayed) {
                replica.execute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=0", "START SLAVE");
            } else if (!threadsRunning) {
                replica.execute("START SLAVE");
            }
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                awaitReplicasCaughtUp(Duration.ofSeconds(10));
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void copyRecursively(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return "ReplicaSet" + all();
    }
}
