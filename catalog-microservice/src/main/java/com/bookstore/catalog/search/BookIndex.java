package com.bookstore.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

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
            folder = Files.createTempDirectory("bookstore-search-");
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
                    writer.updateDocument(new Term("id", Long.toString(book.id())), document(book));
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
                writer.deleteDocuments(new Term("id", Long.toString(id)));
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
        return withSearcher(
                searcher -> ranked(searcher, query, limit).stream().map(Hit::id).toList());
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
            for (Hit hit : ranked(searcher, query, limit * 4)) {
                Document book = stored.document(hit.doc());
                String author = book.get("author_value");
                if (authors.size() < 3 && namesTyped(author, typed)) {
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
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a))
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Hit(int doc, long id, float score, String title) {}

    private static final Comparator<Hit> RELEVANCE_THEN_TITLE =
            Comparator.comparing(Hit::score).reversed().thenComparing(Hit::title);

    /**
     * The {@code limit} best matches, most relevant first and equally relevant ones by title. The index collects by
     * score alone, so it can skip the documents that cannot make the top {@code limit} (block-max WAND): sorting by
     * score <em>and</em> title in Lucene visits every match, 5-10 times slower at 100,000 books. Ids and titles come
     * from doc values, read in document order, not from stored fields (one decompressed block per hit).
     */
    private static List<Hit> ranked(IndexSearcher searcher, Query query, int limit) throws IOException {
        ScoreDoc[] top = searcher.search(query, limit).scoreDocs;
        ScoreDoc[] inDocOrder = top.clone();
        Arrays.sort(inDocOrder, Comparator.comparingInt(hit -> hit.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Hit> hits = new ArrayList<>(top.length);
        int leafNumber = -1;
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        SortedDocValues titles = null;
        for (ScoreDoc hit : inDocOrder) {
            while (leaf == null || hit.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(++leafNumber);
                ids = DocValues.getNumeric(leaf.reader(), "id_value");
                titles = DocValues.getSorted(leaf.reader(), "title_sort");
            }
            int doc = hit.doc - leaf.docBase;
            if (!ids.advanceExact(doc) || !titles.advanceExact(doc)) {
                continue; // every document has both; one without would be a half-written book
            }
            hits.add(new Hit(
                    hit.doc,
                    ids.longValue(),
                    hit.score,
                    titles.lookupOrd(titles.ordValue()).utf8ToString()));
        }
        hits.sort(RELEVANCE_THEN_TITLE);
        return hits;
    }

    private static Document document(SearchDocument book) {
        Document document = new Document();
        document.add(new StringField("id", Long.toString(book.id()), Field.Store.NO));
        document.add(new StoredField("id_value", book.id()));
        document.add(new NumericDocValuesField("id_value", book.id()));
        document.add(new StoredField("title_value", book.title()));
        document.add(new StoredField("author_value", book.author()));
        document.add(
                new SortedDocValuesField("title_sort", new BytesRef(book.title().toLowerCase(Locale.ROOT))));
        Map<String, List<String>> texts = Map.of(
                "title", List.of(book.title()),
                "author", AuthorNames.variants(book.author()),
                "description", List.of(book.description() == null ? "" : book.description()),
                "series", book.series() == null ? List.of() : List.of(book.series()));
        texts.forEach((field, values) -> {
            for (String value : values) {
                document.add(new TextField(field, value, Field.Store.NO));
                document.add(new TextField(SearchQueries.plain(field), value, Field.Store.NO));
                if (!field.equals("description")) {
                    document.add(new TextField(SearchQueries.NAMES, value, Field.Store.NO));
                }
            }
        });
        document.add(new StringField("genre", book.genre(), Field.Store.NO));
        return document;
    }

    /** Whether one of the author's names begins with one of the words typed. */
    private static boolean namesTyped(String author, List<String> typed) {
        List<String> names = SearchAnalyzers.terms(SearchAnalyzers.PLAIN, author);
        for (String variant : AuthorNames.variants(author)) {
            names.addAll(SearchAnalyzers.terms(SearchAnalyzers.PLAIN, variant));
        }
        return typed.stream()
                .anyMatch(word -> word.length() >= 2 && names.stream().anyMatch(name -> name.startsWith(word)));
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
