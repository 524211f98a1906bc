package com.bookstore.catalog.books;

import com.bookstore.catalog.search.BookIndex;
import com.bookstore.catalog.search.SearchIndexFeed;
import com.bookstore.platform.consistency.ConsistencyContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog search: the words go to this instance's search index ({@link BookIndex}: stems, typos, prefixes,
 * ranking), which answers with the ids of the {@value #MAX_HITS} most relevant books; filters, sorts, paging and the
 * total are SQL over those ids, on the caller's transaction (a read-only one reads a replica), so prices, stock and
 * whether a book still exists always come from the database. A client carrying a consistency position finds its own
 * changes, wherever it made them ({@link SearchIndexFeed#catchUp}).
 */
@Component
class BookSearch {

    static final int MAX_HITS = 1000;

    static final String COLUMNS =
            "id, isbn, title, author, description, genre, published_year, price, currency, stock, cover_url, version,"
                    + " series";

    private final NamedParameterJdbcTemplate jdbc;
    private final BookIndex index;
    private final SearchIndexFeed feed;

    BookSearch(NamedParameterJdbcTemplate jdbc, BookIndex index, SearchIndexFeed feed) {
        this.jdbc = jdbc;
        this.index = index;
        this.feed = feed;
    }

    /**
     * The ids of the {@value #MAX_HITS} books that best match a query's words, most relevant first, or {@code null}
     * when it has none. Asked once per request: the page and the facets are then both computed over them.
     */
    List<Long> hits(BookQuery query) {
        if (!query.hasText()) {
            return null;
        }
        ConsistencyContext.requiredPosition().ifPresent(feed::catchUp);
        return index.search(query.q(), MAX_HITS);
    }

    /** One page of the books matching a query, and how many match in all; {@code hits} as {@link #hits} gave. */
    Found search(BookQuery query, List<Long> hits) {
        if (hits != null && relevance(query)) {
            return byRelevance(query, hits);
        }
        List<BookView> items = find(query, hits);
        long total =
                items.size() < query.sizeOrDefault() && query.pageOrDefault() == 0 ? items.size() : count(query, hits);
        return new Found(items, total);
    }

    record Found(List<BookView> items, long total) {}

    /**
     * Words sorted by relevance: the index's order, kept in Java — the database only says which of the hits pass
     * the filters (primary-key lookups) and then reads the one page of them. Ordering a thousand rows by their
     * place in a thousand-item list in SQL ({@code FIELD}) cost tens of milliseconds at 100,000 books.
     */
    private Found byRelevance(BookQuery query, List<Long> hits) {
        if (hits.isEmpty()) {
            return new Found(List.of(), 0);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(query, hits, parameters);
        Set<Long> passing = new HashSet<>(jdbc.queryForList("SELECT id FROM books" + where, parameters, Long.class));
        List<Long> ranked = hits.stream().filter(passing::contains).toList();
        int from = (int) Math.min(ranked.size(), (long) query.pageOrDefault() * query.sizeOrDefault());
        List<Long> page = ranked.subList(from, Math.min(ranked.size(), from + query.sizeOrDefault()));
        if (page.isEmpty()) {
            return new Found(List.of(), ranked.size());
        }
        Map<Long, BookView> rows = new HashMap<>();
        jdbc.query(
                        "SELECT " + COLUMNS + " FROM books WHERE id IN (:page)",
                        new MapSqlParameterSource("page", page),
                        BookSearch::row)
                .forEach(book -> rows.put(book.id(), book));
        return new Found(page.stream().map(rows::get).filter(Objects::nonNull).toList(), ranked.size());
    }

    private static boolean relevance(BookQuery query) {
        return query.sort() == null || query.sort().equals("relevance");
    }

    /**
     * How many of the books matching a query are in each genre — every filter applied but the genre itself, so a
     * reader sees where else the results are (facets).
     */
    List<GenreCount> genreCounts(BookQuery query, List<Long> hits) {
        BookQuery anyGenre = new BookQuery(
                query.q(), null, query.author(), query.minPrice(), query.maxPrice(), query.inStock(), null, 0, 1);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        return jdbc.query(
                "SELECT genre, COUNT(*) AS n FROM books" + where(anyGenre, hits, parameters)
                        + " GROUP BY genre ORDER BY genre",
                parameters,
                (rs, row) -> new GenreCount(rs.getString("genre"), rs.getLong("n")));
    }

    private List<BookView> find(BookQuery query, List<Long> hits) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(query, hits, parameters);
        parameters.addValue("limit", query.sizeOrDefault());
        parameters.addValue("offset", (long) query.pageOrDefault() * query.sizeOrDefault());
        String sql = "SELECT " + COLUMNS + " FROM books" + where + " ORDER BY " + order(query)
                + " LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, parameters, BookSearch::row);
    }

    private long count(BookQuery query, List<Long> hits) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM books" + where(query, hits, parameters), parameters, Long.class);
        return total == null ? 0 : total;
    }

    private static String where(BookQuery query, List<Long> hits, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (hits != null) {
            if (hits.isEmpty()) {
                conditions.add("FALSE");
            } else {
                conditions.add("id IN (:hits)");
                parameters.addValue("hits", hits);
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

    /** SQL order for the other sorts (relevance with words is {@link #byRelevance}; without words it is title). */
    private static String order(BookQuery query) {
        String sort = query.sort() == null ? "title" : query.sort();
        return switch (sort) {
            case "price" -> "price ASC, title ASC, id ASC";
            case "-price" -> "price DESC, title ASC, id ASC";
            case "newest" -> "published_year DESC, id DESC";
            default -> "title ASC, id ASC";
        };
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
                version,
                rs.getString("series"));
    }
}
