package com.bookstore.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * How a book is laid out in the search index: the fields written for it, and the best matches read back from
 * them (ids and titles from doc values). {@link BookIndex} keeps the index; this is the shape of its entries.
 */
final class BookDocuments {

    private BookDocuments() {}

    /** The term that names a book's entry, to replace or delete it. */
    static Term key(long id) {
        return new Term("id", Long.toString(id));
    }

    /** A match: its document number, the book's id, its score and its title. */
    record Hit(int doc, long id, float score, String title) {}

    private static final Comparator<Hit> RELEVANCE_THEN_TITLE =
            Comparator.comparing(Hit::score).reversed().thenComparing(Hit::title);

    /**
     * The {@code limit} best matches, most relevant first and equally relevant ones by title. The index collects by
     * score alone, so it can skip the documents that cannot make the top {@code limit} (block-max WAND): sorting by
     * score <em>and</em> title in Lucene visits every match, 5-10 times slower at 100,000 books. Ids and titles come
     * from doc values, read in document order, not from stored fields (one decompressed block per hit).
     */
    static List<Hit> ranked(IndexSearcher searcher, Query query, int limit) throws IOException {
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

    /** The index entry of a book: its id, what is searched (stemmed and plain), genre, title for ordering. */
    static Document of(SearchDocument book) {
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
}
