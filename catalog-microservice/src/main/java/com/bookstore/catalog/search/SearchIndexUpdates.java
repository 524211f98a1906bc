package com.bookstore.catalog.search;

import com.bookstore.platform.transactions.AfterCommit;
import java.util.List;

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
        AfterCommit.run(() -> {
            index.put(List.of(book));
            index.refresh();
        });
    }

    /** Books written in bulk by this instance, not through {@link #saved}: read them back from the writer. */
    public void bulkLoaded() {
        AfterCommit.run(feed::refreshFromWriter);
    }

    public void deleted(long id) {
        AfterCommit.run(() -> {
            index.remove(List.of(id));
            index.refresh();
        });
    }
}
