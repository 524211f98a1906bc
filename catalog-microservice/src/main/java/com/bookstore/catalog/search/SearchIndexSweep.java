package com.bookstore.catalog.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The id and version of every book, compared with the index's: books gone from the catalog leave it (once missing
 * from two sweeps in a row, so a book this instance created a moment ago, not on the replica yet, stays), and books
 * whose version is ahead of the index's are read again — a change whose transaction committed more than the feed's
 * overlap after its timestamp, which a feed by time cannot see, is in the index by the next sweep.
 */
final class SearchIndexSweep {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSweep.class);
    private static final int BATCH = 500;

    private final BookIndex index;
    private final BookRows books;
    private final TransactionTemplate readOnly;
    private Set<Long> missingLastTime = Set.of();

    SearchIndexSweep(BookIndex index, BookRows books, TransactionTemplate readOnly) {
        this.index = index;
        this.books = books;
        this.readOnly = readOnly;
    }

    /** One sweep; its caller keeps sweeps from overlapping. */
    void run() {
        Map<Long, Long> catalog = readOnly.execute(status -> books.versions());
        Map<Long, Long> known = index.versions();
        Set<Long> missing = new HashSet<>(known.keySet());
        missing.removeAll(catalog.keySet());
        index.remove(missing.stream().filter(missingLastTime::contains).toList());
        missingLastTime = missing;
        List<Long> behind = catalog.entrySet().stream()
                .filter(book -> known.getOrDefault(book.getKey(), -1L) < book.getValue())
                .map(Map.Entry::getKey)
                .toList();
        for (int from = 0; from < behind.size(); from += BATCH) {
            List<Long> some = behind.subList(from, Math.min(behind.size(), from + BATCH));
            List<BookRows.Row> rows = readOnly.execute(status -> books.withIds(some));
            index.put(rows.stream().map(BookRows.Row::book).toList());
        }
        if (!behind.isEmpty()) {
            log.info("The search index's sweep found {} books changed that the feed had not seen", behind.size());
        }
    }
}
