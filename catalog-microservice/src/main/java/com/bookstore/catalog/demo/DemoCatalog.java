package com.bookstore.catalog.demo;

import com.bookstore.catalog.search.SearchIndexUpdates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalog with the demo books ({@code demo/books.tsv}: real titles, authors, years and ISBNs) when
 * {@code bookstore.catalog.demo-data=true}, which only the local stack sets. Not a migration: production never
 * gets these rows.
 */
@Component
@ConditionalOnBooleanProperty("bookstore.catalog.demo-data")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SearchIndexUpdates searchIndex;

    DemoCatalog(JdbcTemplate jdbc, PlatformTransactionManager transactions, SearchIndexUpdates searchIndex) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.searchIndex = searchIndex;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transaction.executeWithoutResult(status -> load());
        } catch (DataIntegrityViolationException loadedByAnotherInstance) {
            log.info("The demo catalog was loaded by another instance");
        }
    }

    private void load() {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM books", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        List<DemoBook> books = read();
        jdbc.batchUpdate(
                "INSERT INTO books (isbn, title, author, description, genre, published_year, price, currency, stock,"
                        + " series) VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)",
                books,
                100,
                (statement, book) -> {
                    statement.setString(1, book.isbn());
                    statement.setString(2, book.title());
                    statement.setString(3, book.author());
                    statement.setString(4, book.description());
                    statement.setString(5, book.genre());
                    statement.setInt(6, book.year());
                    statement.setBigDecimal(7, book.price());
                    statement.setInt(8, book.stock());
                    statement.setString(9, book.series());
                });
        log.info("Loaded {} demo books", books.size());
        searchIndex.bulkLoaded(); // searchable at once, not after the replicas and the next refresh
    }

    static List<DemoBook> read() {
        List<DemoBook> books = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/books.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                books.add(new DemoBook(
                        f[0],
                        f[1],
                        f[2],
                        Integer.parseInt(f[3]),
                        f[4],
                        new BigDecimal(f[5]),
                        Integer.parseInt(f[6]),
                        f[7],
                        f.length > 8 && !f[8].isBlank() ? f[8] : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo/books.tsv is missing", e);
        }
        return books;
    }

    record DemoBook(
            String isbn,
            String title,
            String author,
            int year,
            String genre,
            BigDecimal price,
            int stock,
            String description,
            String series) {}
}
