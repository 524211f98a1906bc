package com.bookstore.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.springframework.util.FileSystemUtils;

/**
 * The catalog's search index (Apache Lucene), one per service instance, in a temporary folder (memory-mapped: the
 * operating system's page cache holds it, not the heap). It answers with book ids in order of relevance; the
 * database stays the truth for everything else (filters, prices, stock, whether the book still exists), so an
 * entry a moment out of date can only change a book's rank, never show a wrong price or a deleted book.
 */
public final class BookIndex implements AutoCloseable {

    static {
        IndexSearcher.setMaxClauseCount(4096); // typo-tolerant words expand to up to 50 terms each
    }

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    public BookIndex() {
        try {
            folder = IndexFolders.create();
            directory = FSDirectory.open(folder);
            Map<String, Analyzer> perField = new HashMap<>();
            SearchQueries.FIELDS
                    .keySet()
                    .forEach(field -> perField.put(SearchQueries.plain(field), SearchAnalyzers.PLAIN));
            perField.put(SearchQueries.NAMES, SearchAnalyzers.PLAIN);
            IndexWriterConfig config =
                    new IndexWriterConfig(new PerFieldAnalyzerWrapper(SearchAnalyzers.STEMMED, perField));
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(16);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the search index", e);
        }
    }

    /**
     * Adds books, or replaces them with a later version; a version the index has already, or an older one (a
     * lagging replica read after a fresher source), changes nothing. Visible to searches after {@link #refresh()}.
     */
    public synchronized void put(Collection<SearchDocument> books) {
        try {
            for (SearchDocument book : books) {
                Long known = versions.get(book.id());
                if (known == null || known < book.version()) {
                    writer.updateDocument(BookDocuments.key(book.id()), BookDocuments.of(book));
                    versions.put(book.id(), book.version());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void remove(Collection<Long> ids) {
        try {
            for (long id : ids) {
                writer.deleteDocuments(BookDocuments.key(id));
                versions.remove(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id and version of every book in the index. */
    public Map<Long, Long> versions() {
        return Map.copyOf(versions);
    }

    /** Makes every change so far visible to the next search. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the books matching a reader's text, most relevant first, at most {@code limit}. */
    public List<Long> search(String text, int limit) {
        Query query = SearchQueries.forText(text);
        if (query == null) {
            return List.of();
        }
        return withSearcher(searcher -> BookDocuments.ranked(searcher, query, limit).stream()
                .map(BookDocuments.Hit::id)
                .toList());
    }

    /**
     * Up to {@code limit} suggestions for the words typed so far (the last one may be unfinished): the authors whose
     * names begin with a typed word (at most 3), then the titles of the best matches.
     */
    public List<Suggestion> suggest(String text, int limit) {
        Query query = SearchQueries.forText(text);
        if (query == null) {
            return List.of();
        }
        List<String> typed = SearchAnalyzers.terms(SearchAnalyzers.PLAIN, text);
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            Set<String> authors = new LinkedHashSet<>();
            List<Suggestion> titles = new ArrayList<>();
            for (BookDocuments.Hit hit : BookDocuments.ranked(searcher, query, limit * 4)) {
                Document book = stored.document(hit.doc());
                String author = book.get("author_value");
                if (authors.size() < 3 && AuthorNames.beginWithATypedWord(author, typed)) {
                    authors.add(author);
                }
                titles.add(Suggestion.title(hit.id(), book.get("title_value")));
            }
            List<Suggestion> suggestions =
                    new ArrayList<>(authors.stream().map(Suggestion::author).toList());
            titles.stream().limit(Math.max(0, limit - suggestions.size())).forEach(suggestions::add);
            return suggestions;
        });
    }

    /** The index's size on disk (memory-mapped: what the page cache holds of it at most). */
    public long bytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            return -1; // a file merged away while counting: the next reading will do
        }
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
