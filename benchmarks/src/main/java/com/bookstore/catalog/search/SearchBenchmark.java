package com.bookstore.catalog.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One search in the catalog's index (what {@code GET /api/books?q=} asks of it before its SQL), over the relevance
 * set's queries in turn (misspellings, prefixes, phrases, authors), on the demo catalog and on a generated one of
 * 100,000 books (the demo books plus books made of the demo catalog's words and names, seeded). Sample time: JMH
 * prints the percentiles (p0.95 is the figure to read).
 * <pre>java -jar benchmarks/target/benchmarks.jar SearchBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SearchBenchmark {

    @Param({"demo", "100000"})
    public String catalog;

    private BookIndex index;
    private List<String> queries;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        List<String[]> demo = rows(SearchBenchmark.class.getClassLoader().getResourceAsStream("demo/books.tsv"));
        List<SearchDocument> books = new ArrayList<>();
        for (String[] row : demo) {
            books.add(new SearchDocument(
                    books.size() + 1, 0, row[1], row[2], row[7], row[4], row.length > 8 ? row[8] : null));
        }
        if (!catalog.equals("demo")) {
            books.addAll(generated(demo, Integer.parseInt(catalog) - books.size(), books.size() + 1));
        }
        index = new BookIndex();
        for (int from = 0; from < books.size(); from += 10_000) {
            index.put(books.subList(from, Math.min(books.size(), from + 10_000)));
        }
        index.refresh();
        System.out.printf("%n%s catalog: %,d books, index %,d bytes on disk%n", catalog, index.size(), index.bytes());
        Path relevance = Path.of(
                System.getProperty("relevance", "catalog-microservice/src/test/resources/search/relevance.tsv"));
        queries = rows(Files.newInputStream(relevance)).stream()
                .map(row -> row[0])
                .toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    @Benchmark
    public List<Long> search() {
        String query = queries.get(next++ % queries.size());
        return index.search(query, 1000);
    }

    /** Books made of the demo catalog's words: titles of 2-5 words, descriptions of 12-30, real-looking names. */
    private static List<SearchDocument> generated(List<String[]> demo, int count, long firstId) {
        List<String> words = new ArrayList<>();
        List<String> firstNames = new ArrayList<>();
        List<String> lastNames = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        for (String[] row : demo) {
            for (String word : (row[1] + " " + row[7]).split("[^\\p{L}']+")) {
                if (word.length() > 2) {
                    words.add(word);
                }
            }
            String[] names = row[2].split(" ");
            firstNames.add(names[0]);
            lastNames.add(names[names.length - 1]);
            genres.add(row[4]);
        }
        Random random = new Random(42);
        List<SearchDocument> books = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = phrase(words, random, 2 + random.nextInt(4));
            String author = firstNames.get(random.nextInt(firstNames.size())) + " "
                    + lastNames.get(random.nextInt(lastNames.size()));
            String series = random.nextInt(10) == 0 ? "The " + phrase(words, random, 2) + " Cycle" : null;
            books.add(new SearchDocument(
                    firstId + i,
                    0,
                    title,
                    author,
                    phrase(words, random, 12 + random.nextInt(19)) + ".",
                    genres.get(random.nextInt(genres.size())),
                    series));
        }
        return books;
    }

    private static String phrase(List<String> words, Random random, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < length; i++) {
            phrase.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return phrase.toString();
    }

    private static List<String[]> rows(java.io.InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }
}
