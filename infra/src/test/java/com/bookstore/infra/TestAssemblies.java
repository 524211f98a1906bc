package com.bookstore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Output folders for the tests' syntheses. Each assembly is ~250 MB (the bundle is staged as an asset), so they
 * go under {@code target/} and are removed when the test JVM ends.
 */
final class TestAssemblies {

    private static final Path ROOT = Path.of("target", "test-assemblies");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestAssemblies::removeAll));
    }

    private TestAssemblies() {}

    static String newFolder() {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, "cdk.out").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAll() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // nothing was made, or it is gone already
        }
    }
}
