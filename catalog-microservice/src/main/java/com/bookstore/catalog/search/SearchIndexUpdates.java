package com.bookstore.catalog.search;

import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A staff member's change, in this instance's index as soon as it commits: they find the book they just added or
 * renamed at once (read-your-writes); other instances have it within a refresh ({@link SearchIndexFeed}).
 */
public final class SearchIndexUpdates {

    private final BookIndex index;
    private final SearchIndexFeed feed;

    SearchIndexUpdates(BookIndex index, SearchIndexFeed feed) {
        this.index = index;
        this.feed = feed;
    }

    public void saved(SearchDocument book) {
        afterCommit(() -> {
            index.put(List.of(book));
            index.refresh();
        });
    }

    /** Books written in bulk by this instance, not through {@link #saved}: read them back from the writer. */
    public void bulkLoaded() {
        afterCommit(feed::refreshFromWriter);
    }

    public void deleted(long id) {
        afterCommit(() -> {
            index.remove(List.of(id));
            index.refresh();
        });
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
