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
 * A primary and N read-only replicas on loopback, MariaDB or MySQL ({@link Engine}), wired with GTID replication
 * (MariaDB {@code MASTER_USE_GTID=slave_pos}, MySQL {@code SOURCE_AUTO_POSITION=1}), durable settings and
 * semi-synchronous {@code AFTER_SYNC}. Its data folder survives {@link #stop()} and a later {@link #open} of the
 * same folder starts the same servers again, on the engine it was created with.
 */
public final class ReplicaSet {

    private static final String WRITER = "writer";
    private static final String LAYOUT_FILE = "replica-set.properties";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Path baseDir;
    private final Engine engine;
    private final DatabaseServer primary;
    private final List<DatabaseServer> replicas;

    private ReplicaSet(Path baseDir, Engine engine, DatabaseServer primary, List<DatabaseServer> replicas) {
        this.baseDir = baseDir;
        this.engine = engine;
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
    }

    /**
     * Opens the replica set kept in {@code baseDir}, creating it on first use with {@code replicaCount} replicas on
     * the given ports ({@code ports[0]} for the primary; 0 picks a free port) on the {@link Engine#current()}
     * engine. Nothing is started yet.
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
                layout.setProperty("engine", Engine.current().name());
                for (int i = 0; i <= replicaCount; i++) {
                    int wanted = ports.length > i ? ports[i] : 0;
                    layout.setProperty("port." + i, Integer.toString(wanted == 0 ? freePort() : wanted));
                }
            }
            int count = Integer.parseInt(layout.getProperty("replicas"));
            Engine engine = Engine.valueOf(layout.getProperty("engine", Engine.MARIADB.name()));
            // Folders keep their names; which server writes is the layout's "writer" (it moves on failover).
            String writer = layout.getProperty(WRITER, "primary");
            DatabaseServer primary = null;
            List<DatabaseServer> replicas = new ArrayList<>();
            for (int i = 0; i <= count; i++) {
                String name = i == 0 ? "primary" : "replica" + i;
                DatabaseServer server = new DatabaseServer(
                        engine, name, baseDir.resolve(name), port(layout, i), 1 + i, !name.equals(writer));
                if (name.equals(writer)) {
                    primary = server;
                } else {
                    replicas.add(server);
                }
            }
            ReplicaSet set = new ReplicaSet(baseDir, engine, primary, replicas);
            set.writeEndpointTarget();
            if (!Files.exists(layoutFile)) {
                set.initialize();
                try (Writer out = Files.newBufferedWriter(layoutFile)) {
                    layout.store(out, "Bookstore local replica set");
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

    public DatabaseServer primary() {
        return primary;
    }

    public List<DatabaseServer> replicas() {
        return replicas;
    }

    public DatabaseServer replica(int number) {
        return replicas.get(number - 1);
    }

    public Path baseDir() {
        return baseDir;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Creates the data folders once: one {@code mariadb-install-db} or {@code mysqld --initialize-insecure}, copied
     * to every server (less MySQL's {@code auto.cnf}: each server makes its own server UUID on first start).
     */
    private void initialize() throws IOException {
        Path template = baseDir.resolve(".template");
        deleteRecursively(template);
        List<String> command = new ArrayList<>(engine.installCommand(template));
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
                throw new IllegalStateException("Creating the data folder failed:\n" + DatabaseServer.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        for (DatabaseServer server : all()) {
            deleteRecursively(server.dataDir());
            copyRecursively(template, server.dataDir());
            Files.deleteIfExists(server.dataDir().resolve("auto.cnf"));
        }
        deleteRecursively(template);
    }

    /** Starts every server that is not running, and wires replication on the first start. */
    public ReplicaSet start() {
        List<CompletableFuture<Void>> starting = all().stream()
                .map(server -> CompletableFuture.runAsync(server::start))
                .toList();
        starting.forEach(CompletableFuture::join);
        for (DatabaseServer replica : replicas) {
            if (replica.replicaStatus().isEmpty()) {
                List<String> wiring = new ArrayList<>(engine.beforeFirstReplication());
                wiring.add(engine.replicateFrom(primary));
                wiring.add("START " + engine.replicaKeyword());
                replica.execute(wiring.toArray(String[]::new));
            }
        }
        awaitReplicasCaughtUp(Duration.ofSeconds(30));
        return this;
    }

    /** Stops every server cleanly; the data stays. */
    public void stop() {
        List<DatabaseServer> order = new ArrayList<>(replicas);
        order.add(primary);
        order.stream()
                .map(server -> CompletableFuture.runAsync(server::stop))
                .toList()
                .forEach(CompletableFuture::join);
    }

    public List<DatabaseServer> all() {
        List<DatabaseServer> all = new ArrayList<>();
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
                "GRANT " + engine.readerMonitorGrant() + " ON *.* TO '" + readerUser + "'@'127.0.0.1'");
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }

    /** The file the writer endpoint ({@link WriterEndpoint}) reads: the port of the server that writes now. */
    public Path endpointTargetFile() {
        return baseDir.resolve("writer.port");
    }

    private void writeEndpointTarget() throws IOException {
        Path file = endpointTargetFile();
        String port = Integer.toString(primary.port());
        if (!Files.exists(file) || !Files.readString(file).trim().equals(port)) {
            Path partial = baseDir.resolve("writer.port.partial");
            Files.writeString(partial, port + "\n");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Failover, as RDS does it for a Multi-AZ DB cluster: the most advanced running replica (by GTID, after each
     * has applied what it received) becomes the writer, the other replicas follow it, and the writer endpoint
     * moves to it. The former writer, when it is started again, comes back as a read-only replica of the new
     * one. Returns the new writer; open the set again to see the new roles.
     */
    public DatabaseServer failover() {
        List<DatabaseServer> candidates =
                replicas.stream().filter(DatabaseServer::isRunning).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No running replica to promote");
        }
        String keyword = engine.replicaKeyword();
        for (DatabaseServer candidate : candidates) {
            candidate.execute("STOP " + keyword + " IO_THREAD");
        }
        candidates.forEach(this::awaitRelayApplied);
        DatabaseServer chosen = candidates.getFirst();
        for (DatabaseServer other : candidates) {
            if (other != chosen && engine.isAhead(other, chosen)) {
                chosen = other;
            }
        }
        chosen.execute(engine.promote().toArray(String[]::new));
        for (DatabaseServer other : candidates) {
            if (other != chosen) {
                other.execute("STOP " + keyword, engine.replicateFrom(chosen), "START " + keyword);
            }
        }
        try {
            Path layoutFile = baseDir.resolve(LAYOUT_FILE);
            Properties layout = new Properties();
            try (Reader reader = Files.newBufferedReader(layoutFile)) {
                layout.load(reader);
            }
            layout.setProperty(WRITER, chosen.name());
            try (Writer out = Files.newBufferedWriter(layoutFile)) {
                layout.store(out, "Bookstore local replica set");
            }
            return ReplicaSet.open(baseDir, 0).primary();
        } catch (IOException e) {
            throw new IllegalStateException("Promoted " + chosen + " but could not record it: " + e.getMessage(), e);
        }
    }

    /** Waits (bounded) until a replica whose receiver was stopped has applied everything it had received. */
    private void awaitRelayApplied(DatabaseServer replica) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> status = replica.replicaStatus();
            if (engine.relayApplied(status)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The primary's current GTID position (MariaDB {@code @@gtid_binlog_pos}, MySQL {@code gtid_executed}). */
    public String primaryPosition() {
        return primary.queryForString(engine.positionQuery()).orElse("");
    }

    /** Waits until every running replica has applied everything the primary has written. */
    public void awaitReplicasCaughtUp(Duration timeout) {
        String position = primaryPosition();
        if (position.isEmpty()) {
            return;
        }
        for (DatabaseServer replica : replicas) {
            if (!replica.isRunning()) {
                continue;
            }
            String result = replica.queryForString(engine.waitQuery(position, timeout.toSeconds()))
                    .orElse("-1");
            if (!"0".equals(result)) {
                throw new IllegalStateException(replica + " did not reach " + position + " within " + timeout
                        + "; status: " + replica.replicaStatus());
            }
        }
    }

    /** Stops a replica's SQL thread: it keeps receiving the primary's events but applies none (lag grows). */
    public void stopSqlThread(DatabaseServer replica) {
        replica.execute("STOP " + engine.replicaKeyword() + " SQL_THREAD");
    }

    public void startSqlThread(DatabaseServer replica) {
        replica.execute("START " + engine.replicaKeyword() + " SQL_THREAD");
    }

    /** Makes a replica apply every event {@code seconds} after the primary wrote it (a delayed replica). */
    public void delay(DatabaseServer replica, int seconds) {
        String keyword = engine.replicaKeyword();
        replica.execute("STOP " + keyword, engine.delayTo(seconds), "START " + keyword);
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
        for (DatabaseServer replica : replicas) {
            Map<String, String> status = replica.replicaStatus();
            boolean delayed = !"0".equals(status.getOrDefault("SQL_Delay", "0"));
            if (delayed) {
                delay(replica, 0);
            } else if (!engine.replicating(status)) {
                replica.execute("START " + engine.replicaKeyword());
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
