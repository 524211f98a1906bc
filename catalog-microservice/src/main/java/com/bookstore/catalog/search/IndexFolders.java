package com.bookstore.catalog.search;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The folders of the catalog instances' search indexes, one per instance in the temporary folder. An instance
 * deletes its own when it stops; one that dies without stopping (killed, or the machine lost power) leaves its folder
 * behind, and the next instance to start removes it. A folder is abandoned when no process holds its write lock (an
 * operating-system lock, released when its process dies, so the instances still running keep theirs) and it has not
 * changed for a while (an instance starting this moment makes its folder a little before it takes the lock).
 */
final class IndexFolders {

    static final String PREFIX = "bookstore-search-";
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(IndexFolders.class);

    private IndexFolders() {}

    /** A new, empty folder for this instance's index, after removing those abandoned beside it. */
    static Path create() throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(parent, QUIET);
        return Files.createTempDirectory(parent, PREFIX);
    }

    /** Removes the abandoned index folders in {@code parent} unchanged for at least {@code quiet}; returns how many. */
    static int removeAbandoned(Path parent, Duration quiet) {
        int removed = 0;
        Instant before = Instant.now().minus(quiet);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                try {
                    if (Files.isDirectory(folder)
                            && Files.getLastModifiedTime(folder).toInstant().isBefore(before)
                            && abandoned(folder)) {
                        FileSystemUtils.deleteRecursively(folder);
                        removed++;
                    }
                } catch (IOException e) {
                    log.warn("Could not remove the abandoned search index folder {}: {}", folder, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for abandoned search index folders in {}: {}", parent, e.toString());
        }
        if (removed > 0) {
            log.info("Removed {} search index folder(s) left by catalog instances that did not stop", removed);
        }
        return removed;
    }

    private static boolean abandoned(Path folder) throws IOException {
        try (Directory directory = FSDirectory.open(folder);
                Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            return true;
        } catch (LockObtainFailedException held) {
            return false;
        }
    }
}
