package com.bookstore.catalog.search;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** What the search index reads of the catalog's books (in the caller's transaction: a replica, or the writer). */
final class BookRows {

    /** A book as the index holds it, and when it last changed. */
    record Row(SearchDocument book, Timestamp updatedAt) {}

    private final JdbcTemplate jdbc;

    BookRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The books changed after {@code since} (or at it, when {@code inclusive}), oldest change first. */
    List<Row> changedSince(Timestamp since, boolean inclusive) {
        return rows("updated_at " + (inclusive ? ">=" : ">") + " ? ORDER BY updated_at", since);
    }

    List<Row> withIds(List<Long> ids) {
        return rows("id IN (" + String.join(",", ids.stream().map(id -> "?").toList()) + ")", ids.toArray());
    }

    /** Every book's id and version. */
    Map<Long, Long> versions() {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.query("SELECT id, version FROM books", (RowCallbackHandler)
                rs -> versions.put(rs.getLong("id"), rs.getLong("version")));
        return versions;
    }

    private List<Row> rows(String condition, Object... arguments) {
        return jdbc.query(
                "SELECT id, version, title, author, description, genre, series, updated_at FROM books WHERE "
                        + condition,
                (rs, n) -> new Row(
                        new SearchDocument(
                                rs.getLong("id"),
                                rs.getLong("version"),
                                rs.getString("title"),
                                rs.getString("author"),
                                rs.getString("description"),
                                rs.getString("genre"),
                                rs.getString("series")),
                        rs.getTimestamp("updated_at")),
                arguments);
    }
}
