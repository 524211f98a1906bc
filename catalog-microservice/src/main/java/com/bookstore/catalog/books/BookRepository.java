package com.bookstore.catalog.books;

import com.bookstore.catalog.search.SearchDocument;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The books table, in the caller's transaction. Every change bumps the version, and an update names the version
 * it replaces, so two edits never overwrite each other (the version is also the book's ETag).
 */
@Repository
class BookRepository {

    private final JdbcClient jdbc;

    BookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BookView> find(long id) {
        return jdbc.sql("SELECT " + BookSearch.COLUMNS + " FROM books WHERE id = ?")
                .param(id)
                .query(BookSearch::row)
                .optional();
    }

    boolean existsByIsbn(String isbn) {
        return jdbc.sql("SELECT COUNT(*) FROM books WHERE isbn = ?")
                        .param(isbn)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The new book's id. */
    long insert(BookCommand command) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO books (isbn, title, author, description, genre, published_year, price, currency, "
                        + "stock, series, cover_url, version) VALUES (:isbn, :title, :author, :description, :genre, "
                        + ":publishedYear, :price, :currency, :stock, :series, :coverUrl, 0)")
                .params(columns(command))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Replaces the book if it is still at {@code version}: false when it is gone or somebody changed it. */
    boolean update(long id, long version, BookCommand command) {
        return jdbc.sql("UPDATE books SET isbn = :isbn, title = :title, author = :author, description = :description, "
                                + "genre = :genre, published_year = :publishedYear, price = :price, currency = :currency, "
                                + "stock = :stock, series = :series, cover_url = :coverUrl, version = version + 1 "
                                + "WHERE id = :id AND version = :version")
                        .params(columns(command))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM books WHERE id = ?").param(id).update() == 1;
    }

    static SearchDocument searchDocument(BookView book) {
        return new SearchDocument(
                book.id(),
                book.version(),
                book.title(),
                book.author(),
                book.description(),
                book.genre(),
                book.series());
    }

    /** A staff member's command as it is stored: trimmed, the price to the cent, defaults filled in. */
    private static Map<String, Object> columns(BookCommand command) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("isbn", command.normalizedIsbn());
        columns.put("title", command.title().trim());
        columns.put("author", command.author().trim());
        columns.put(
                "description",
                command.description() == null ? "" : command.description().trim());
        columns.put("genre", command.genre().trim());
        columns.put("publishedYear", command.publishedYear());
        columns.put("price", command.price().setScale(2, RoundingMode.UNNECESSARY));
        columns.put("currency", command.currencyOrDefault());
        columns.put("stock", command.stock());
        columns.put("series", command.seriesOrNull());
        columns.put("coverUrl", command.coverUrl());
        return columns;
    }
}
