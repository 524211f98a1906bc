package com.bookstore.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relevance set ({@code search/relevance.tsv}: misspellings, plurals, partial words, author variants, phrases,
 * symbols) over the demo catalog, through the real index and query rules. Every miss is listed with what came
 * instead, so a change to the ranking shows what it costs.
 */
class SearchRelevanceTest {

    private static final Map<Long, SearchDocument> BOOKS = new LinkedHashMap<>();
    private static BookIndex index;

    @BeforeAll
    static void indexTheDemoCatalog() throws IOException {
        for (String[] row : rows("demo/books.tsv")) {
            long id = BOOKS.size() + 1;
            BOOKS.put(id, new SearchDocument(id, 0, row[1], row[2], row[7], row[4], row.length > 8 ? row[8] : null));
        }
        index = new BookIndex();
        index.put(BOOKS.values());
        index.refresh();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theDemoCatalogIsIndexed() {
        assertThat(index.size()).isEqualTo(BOOKS.size()).isGreaterThan(200);
    }

    @Test
    void readersFindWhatTheyMean() throws IOException {
        List<String[]> cases = rows("search/relevance.tsv");
        List<String> misses = new ArrayList<>();
        for (String[] testCase : cases) {
            String query = testCase[0];
            String expectation = testCase[1];
            List<SearchDocument> found =
                    index.search(query, 10).stream().map(BOOKS::get).toList();
            if (!meets(found, expectation)) {
                misses.add("'" + query + "' expected " + expectation + ", got "
                        + found.stream()
                                .limit(5)
                                .map(book -> book.title() + " (" + book.author() + ")")
                                .toList());
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(misses)
                .as("queries whose results miss what a reader expects")
                .isEmpty();
    }

    @Test
    void anyBytesAreASearchNotAnError() {
        for (String text : List.of(
                "\u0000",
                "\"",
                "*",
                "?",
                "~",
                "AND OR NOT",
                "((",
                "[a TO z]",
                "title:x",
                "\\",
                "ü",
                "💥",
                "a".repeat(500),
                "x ".repeat(300),
                "-",
                "+",
                "&&",
                "||",
                "/",
                "c++ c# f# .net",
                "'''",
                "..")) {
            assertThat(index.search(text, 10)).as(text).isNotNull();
            assertThat(index.suggest(text, 8)).as(text).isNotNull();
        }
    }

    @Test
    void suggestionsOfferAuthorsThenTitlesForAnUnfinishedWord() {
        List<Suggestion> forHarry = index.suggest("harry pot", 8);
        assertThat(forHarry).extracting(Suggestion::kind).containsOnly(Suggestion.Kind.title);
        assertThat(forHarry.subList(0, 3))
                .extracting(Suggestion::text)
                .allMatch(title -> title.startsWith("Harry Potter"));
        List<Suggestion> forTolk = index.suggest("tolk", 8);
        assertThat(forTolk.getFirst()).isEqualTo(Suggestion.author("J. R. R. Tolkien"));
        assertThat(forTolk.subList(1, 5))
                .extracting(Suggestion::text)
                .containsExactlyInAnyOrder(
                        "The Hobbit", "The Fellowship of the Ring", "The Two Towers", "The Return of the King");
        assertThat(forTolk)
                .hasSizeLessThanOrEqualTo(8)
                .allMatch(s -> s.kind() == Suggestion.Kind.author || s.bookId() != null);
    }

    private static boolean meets(List<SearchDocument> found, String expectation) {
        List<SearchDocument> top3 = found.subList(0, Math.min(3, found.size()));
        if (expectation.equals("none")) {
            return found.isEmpty();
        }
        String value = expectation.substring(expectation.indexOf(':') + 1);
        return switch (expectation.substring(0, expectation.indexOf(':'))) {
            case "first" -> !found.isEmpty() && found.getFirst().title().equals(value);
            case "top3" ->
                List.of(value.split("\\|")).stream()
                        .allMatch(title ->
                                top3.stream().anyMatch(book -> book.title().equals(title)));
            case "by" ->
                top3.size() == 3 && top3.stream().allMatch(book -> book.author().equals(value));
            default -> throw new IllegalArgumentException("Unknown expectation " + expectation);
        };
    }

    private static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        SearchRelevanceTest.class.getClassLoader().getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }
}
