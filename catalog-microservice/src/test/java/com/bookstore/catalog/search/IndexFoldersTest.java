package com.bookstore.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A starting instance removes the index folders of instances that died, and only those: a process holding a folder's
 * lock keeps it, and so does an instance that made its folder a moment ago.
 */
class IndexFoldersTest {

    private static final Duration QUIET = Duration.ofMinutes(1);

    @TempDir
    Path parent;

    @Test
    void removesTheFolderOfAProcessThatWasKilledAndKeepsItWhileTheProcessLives() throws Exception {
        Path folder = indexFolder("killed");
        Process holder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldsIndexLock.class.getName(),
                        folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            age(folder);

            assertThat(IndexFolders.removeAbandoned(parent, QUIET)).isZero();
            assertThat(folder).exists();
        } finally {
            holder.destroyForcibly().waitFor(); // SIGKILL: the process never closes its index
        }
        assertThat(IndexFolders.removeAbandoned(parent, QUIET)).isEqualTo(1);
        assertThat(folder).doesNotExist();
    }

    @Test
    void keepsTheFolderOfAnIndexOpenInThisProcess() throws IOException {
        Path folder = indexFolder("open");
        try (FSDirectory directory = FSDirectory.open(folder);
                Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            age(folder);
            assertThat(IndexFolders.removeAbandoned(parent, QUIET)).isZero();
            assertThat(folder).exists();
            lock.ensureValid();
        }
    }

    @Test
    void keepsAFolderMadeAMomentAgoThatHasNoLockYet() throws IOException {
        Path folder = Files.createDirectory(parent.resolve(IndexFolders.PREFIX + "starting"));
        assertThat(IndexFolders.removeAbandoned(parent, QUIET)).isZero();
        assertThat(folder).exists();
    }

    @Test
    void leavesOtherFoldersAlone() throws IOException {
        Path other = Files.createDirectory(parent.resolve("someone-else"));
        Files.writeString(other.resolve("write.lock"), "");
        age(other);
        assertThat(IndexFolders.removeAbandoned(parent, QUIET)).isZero();
        assertThat(other.resolve("write.lock")).exists();
    }

    @Test
    void aNewIndexRemovesWhatItsDeadPredecessorsLeft() throws IOException {
        Path dead = indexFolder("dead");
        age(dead);
        String tmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", parent.toString());
        try (BookIndex index = new BookIndex()) {
            assertThat(dead).doesNotExist();
            try (var folders = Files.list(parent)) {
                assertThat(folders.toList())
                        .singleElement()
                        .satisfies(
                                own -> assertThat(own.getFileName().toString()).startsWith(IndexFolders.PREFIX));
            }
            assertThat(index.size()).isZero();
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
        try (var folders = Files.list(parent)) {
            assertThat(folders.toList())
                    .as("an index deletes its own folder when closed")
                    .isEmpty();
        }
    }

    private Path indexFolder(String name) throws IOException {
        Path folder = Files.createDirectory(parent.resolve(IndexFolders.PREFIX + name));
        Files.writeString(folder.resolve("_0.cfs"), "segment");
        Files.writeString(folder.resolve(IndexWriter.WRITE_LOCK_NAME), "");
        return folder;
    }

    private static void age(Path folder) throws IOException {
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }

    /** A process that opens an index folder's write lock, says so, and holds it until killed. */
    public static final class HoldsIndexLock {
        public static void main(String[] args) throws Exception {
            try (FSDirectory directory = FSDirectory.open(Path.of(args[0]));
                    Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Duration.ofMinutes(5));
            }
        }
    }
}
