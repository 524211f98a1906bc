package com.bookstore.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving test classes one shared MariaDB primary with two replicas per test JVM. It starts on
 * first use, is healed (every server up, no lag) after each test class, and is stopped and deleted when the JVM
 * exits. Servers left behind by a JVM that was killed are stopped by PID on the next start.
 */
public final class ReplicaSetExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Path ROOT = Path.of("target", "replica-sets").toAbsolutePath();
    private static ReplicaSet shared;

    /** The shared replica set, started on first call. Safe to call from {@code @DynamicPropertySource}. */
    public static synchronized ReplicaSet replicaSet() {
        if (shared == null) {
            stopOrphans();
            Path dir = ROOT.resolve(Long.toString(ProcessHandle.current().pid()));
            ReplicaSet set = ReplicaSet.open(dir, 2).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                set.stop();
                deleteQuietly(dir);
            }));
            shared = set;
        }
        return shared;
    }

    /** Creates (idempotently) a schema with its writer and reader accounts on the shared set. */
    public static SchemaAccess schema(String name) {
        return SchemaAccess.provision(replicaSet(), name);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        replicaSet().heal();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        replicaSet().heal();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ReplicaSet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return replicaSet();
    }

    private static void stopOrphans() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> runs = Files.list(ROOT)) {
            for (Path run : runs.toList()) {
                boolean ownerAlive = parsePid(run.getFileName().toString())
                        .map(pid -> ProcessHandle.of(pid).isPresent())
                        .orElse(false);
                if (!ownerAlive && ReplicaSet.exists(run)) {
                    ReplicaSet orphan = ReplicaSet.open(run, 0);
                    orphan.all().forEach(DatabaseServer::kill);
                    deleteQuietly(run);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not look for orphaned replica sets in " + ROOT, e);
        }
    }

    private static java.util.Optional<Long> parsePid(String name) {
        try {
            return java.util.Optional.of(Long.parseLong(name));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            ReplicaSet.deleteRecursively(dir);
        } catch (IOException ignored) {
            // A folder under target/ that could not be deleted is removed by the next clean build.
        }
    }
}
