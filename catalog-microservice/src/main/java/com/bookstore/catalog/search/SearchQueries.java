package com.bookstore.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A reader's words as a Lucene query — the store's ranking rules, the only hand-written part of search:
 * <ul>
 *   <li>each word may match in the title (weight 3), the series (2.5), the author (2) or the description (1): as
 *       its stem ({@code rings} finds {@code Ring}) or as written; in the title, series and author also with a typo
 *       (one edit for words of 4–7 letters, two beyond, the first letter right) and — for the last word, the one
 *       being typed — as the start of a word (not in descriptions: their far larger vocabulary would cost time for
 *       matches nobody meant);
 *   <li>every word must match somewhere, but one of three or more may be missing (a word the catalog lacks should
 *       not empty the page);
 *   <li>the words as a phrase in the title, series or author (a little slop) and exact words count more than stems,
 *       which count more than typos and prefixes;
 *   <li>stopwords ({@code of}, {@code the}) count only when there is nothing else ({@code It}).
 * </ul>
 */
final class SearchQueries {

    static final Map<String, Float> FIELDS = Map.of("title", 3f, "series", 2.5f, "author", 2f, "description", 1f);
    static final int MAX_WORDS = 8;
    /** Title, series and author, as written: what typos and prefixes are matched against. */
    static final String NAMES = "names_plain";

    private SearchQueries() {}

    /** The query for a reader's text, or null when it holds no word at all. */
    static Query forText(String text) {
        List<String> words = SearchAnalyzers.terms(SearchAnalyzers.PLAIN, text);
        if (words.isEmpty()) {
            return null;
        }
        List<String> content = new ArrayList<>();
        for (String word : words) {
            if (!SearchAnalyzers.terms(SearchAnalyzers.STEMMED, word).isEmpty()) {
                content.add(word);
            }
        }
        List<String> counted = (content.isEmpty() ? words : content);
        counted = counted.subList(0, Math.min(counted.size(), MAX_WORDS));
        boolean typing = !Character.isWhitespace(text.charAt(text.length() - 1));

        BooleanQuery.Builder every = new BooleanQuery.Builder();
        for (int i = 0; i < counted.size(); i++) {
            boolean last = i == counted.size() - 1;
            every.add(word(counted.get(i), last && typing), Occur.SHOULD);
        }
        every.setMinimumNumberShouldMatch(counted.size() <= 2 ? counted.size() : counted.size() - 1);

        BooleanQuery.Builder query = new BooleanQuery.Builder().add(every.build(), Occur.MUST);
        if (words.size() >= 2) {
            for (String field : List.of("title", "series", "author")) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
                words.forEach(word -> phrase.add(new Term(plain(field), word)));
                query.add(new BoostQuery(phrase.build(), 4f * FIELDS.get(field)), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static Query word(String word, boolean beingTyped) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> stems = SearchAnalyzers.terms(SearchAnalyzers.STEMMED, word);
        FIELDS.forEach((field, weight) -> {
            any.add(new BoostQuery(new TermQuery(new Term(plain(field), word)), 1.5f * weight), Occur.SHOULD);
            for (String stem : stems) {
                any.add(new BoostQuery(new TermQuery(new Term(field, stem)), weight), Occur.SHOULD);
            }
        });
        // Typos and prefixes against one field holding every name of the book (title, series, author): each costs an
        // automaton and a walk of the terms, so once per word, not once per field.
        int edits = word.length() < 4 ? 0 : word.length() <= 7 ? 1 : 2;
        if (edits > 0) {
            any.add(new BoostQuery(new FuzzyQuery(new Term(NAMES, word), edits, 1), 1f), Occur.SHOULD);
        }
        if (beingTyped && word.length() >= 2) {
            any.add(new BoostQuery(new PrefixQuery(new Term(NAMES, word)), 1.5f), Occur.SHOULD);
        }
        return any.build();
    }

    static String plain(String field) {
        return field + "_plain";
    }
}
