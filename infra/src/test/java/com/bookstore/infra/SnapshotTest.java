package com.bookstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole template against the reviewed copy in {@code src/test/resources/Bookstore.template.json}, so every
 * change to the infrastructure shows up in review as a diff. Asset hashes (which change with every build of the
 * service jars) are masked. After a deliberate change: {@code UPDATE_SNAPSHOT=true ./mvnw -pl infra test}.
 */
class SnapshotTest {

    static final Path SNAPSHOT = Path.of("src", "test", "resources", "Bookstore.template.json");

    @Test
    void theTemplateMatchesTheReviewedSnapshot() throws Exception {
        BookstoreStackTest.synthesize();
        String current = BookstoreStackTest.JSON
                        .copy()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .writeValueAsString(BookstoreStackTest.template.toJSON())
                        .replaceAll("[0-9a-f]{64}", "<asset-hash>")
                + "\n";
        if ("true".equals(System.getenv("UPDATE_SNAPSHOT")) || !Files.exists(SNAPSHOT)) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, current);
        }
        assertThat(current).isEqualTo(Files.readString(SNAPSHOT));
    }
}
