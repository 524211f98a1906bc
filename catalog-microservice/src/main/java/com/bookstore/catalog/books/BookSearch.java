package com.bookstore.catalog.books;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog search as SQL: InnoDB full-text ({@code MATCH … AGAINST} in boolean mode, the same on MariaDB and
 * MySQL 8.4) over title, author and description, with filters, sorts and a total for paging. It runs on the
 * caller's transaction, so a read-only one reads a replica. Words reach the server only as a bound parameter,
 * stripped of the boolean-mode operators.
 */
@Component
class BookSearch {

    /** InnoDB's default stopwords; a required stopword would match nothing. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
            "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
            "with", "und", "www");

    private static final String COLUMNS =
            "id, isbn, title, author, description, genre, published_year, price, currency, stock, cover_url, version";
    private static final String MATCH = "MATCH(title, author, description) AGAINST (:words IN BOOLEAN MODE)";

    private final NamedParameterJdbcTemplate jdbc;

    BookSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<BookView> find(BookQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(query, parameters);
        parameters.addValue("limit", query.sizeOrDefault());
        parameters.addValue("offset", (long) query.pageOrDefault() * query.sizeOrDefault());
        String sql = "SELECT " + COLUMNS + " FROM books" + where + " ORDER BY " + order(query, parameters)
                + " LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, parameters, BookSearch::row);
    }

    long count(BookQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long total =
                jdbc.queryForObject("SELECT COUNT(*) FROM books" + where(query, parameters), parameters, Long.class);
        return total == null ? 0 : total;
    }

    private static String where(BookQuery query, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.hasText()) {
            String words = booleanModeWords(query.q());
            if (words.isEmpty()) {
                conditions.add("title LIKE :titleLike");
                parameters.addValue("titleLike", "%" + escapeLike(query.q().trim()) + "%");
            } else {
                conditions.add(MATCH);
                parameters.addValue("words", words);
            }
        }
        if (query.genre() != null && !query.genre().isBlank()) {
            conditions.add("genre = :genre");
            parameters.addValue("genre", query.genre().trim());
        }
        if (query.author() != null && !query.author().isBlank()) {
            conditions.add("author = :author");
            parameters.addValue("author", query.author().trim());
        }
        if (query.minPrice() != null) {
            conditions.add("price >= :minPrice");
            parameters.addValue("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            conditions.add("price <= :maxPrice");
            parameters.addValue("maxPrice", query.maxPrice());
        }
        if (Boolean.TRUE.equals(query.inStock())) {
            conditions.add("stock > 0");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String order(BookQuery query, MapSqlParameterSource parameters) {
        String sort = query.sort() == null ? (query.hasText() ? "relevance" : "title") : query.sort();
        return switch (sort) {
            case "price" -> "price ASC, title ASC, id ASC";
            case "-price" -> "price DESC, title ASC, id ASC";
            case "newest" -> "published_year DESC, id DESC";
            case "relevance" -> parameters.hasValue("words") ? MATCH + " DESC, title ASC, id ASC" : "title ASC, id ASC";
            default -> "title ASC, id ASC";
        };
    }

    /** "Tolstoy war" → "+tolstoy* +war*": every word required, as a prefix; operators and stopwords dropped. */
    static String booleanModeWords(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3 && !STOPWORDS.contains(word))
                .limit(10)
                .map(word -> "+" + word + "*")
                .collect(Collectors.joining(" "));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static BookView row(ResultSet rs, int rowNumber) throws SQLException {
        long id = rs.getLong("id");
        long version = rs.getLong("version");
        String cover = rs.getString("cover_url");
        BigDecimal price = rs.getBigDecimal("price");
        return new BookView(
                id,
                rs.getString("isbn"),
                rs.getString("title"),
                rs.getString("author"),
                rs.getString("description"),
                rs.getString("genre"),
                rs.getInt("published_year"),
                price,
                rs.getString("currency"),
                rs.getInt("stock"),
                cover == null || cover.isBlank() ? BookView.generatedCover(id, version) : cover,
                version);
    }
}
