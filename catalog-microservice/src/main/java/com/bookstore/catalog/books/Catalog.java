package com.bookstore.catalog.books;

import com.bookstore.catalog.search.BookIndex;
import com.bookstore.catalog.search.SearchIndexUpdates;
import com.bookstore.catalog.search.Suggestion;
import com.bookstore.platform.web.PageResponse;
import com.bookstore.platform.web.PreconditionFailedException;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's use cases. Reads are read-only transactions, served by a replica (or by the writer when the
 * client's consistency token demands it); staff changes run on the writer with optimistic locking.
 */
@Service
public class Catalog {

    private final BookRepository books;
    private final BookSearch search;
    private final JdbcTemplate jdbc;
    private final SearchIndexUpdates searchIndex;
    private final BookIndex index;

    Catalog(
            BookRepository books,
            BookSearch search,
            JdbcTemplate jdbc,
            SearchIndexUpdates searchIndex,
            BookIndex index) {
        this.books = books;
        this.search = search;
        this.jdbc = jdbc;
        this.searchIndex = searchIndex;
        this.index = index;
    }

    /**
     * Up to 8 authors and titles for the words typed so far (the first 200 characters), from this instance's
     * search index alone: no database round trip while someone types.
     */
    public List<Suggestion> suggest(String typed) {
        String words = typed.length() > 200 ? typed.substring(0, 200) : typed;
        return words.isBlank() ? List.of() : index.suggest(words, 8);
    }

    @Transactional(readOnly = true)
    public PageResponse<BookView> search(BookQuery query) {
        return page(query, search.search(query, search.hits(query)));
    }

    /**
     * A page of the books matching a query and the genres beside it (each with how many match, the query's own
     * genre aside), from one look in the index and one read-only transaction, so both come from the same replica.
     */
    @Transactional(readOnly = true)
    public Shelf browse(BookQuery query) {
        List<Long> hits = search.hits(query);
        return new Shelf(page(query, search.search(query, hits)), search.genreCounts(query, hits));
    }

    public record Shelf(PageResponse<BookView> page, List<GenreCount> genres) {}

    private static PageResponse<BookView> page(BookQuery query, BookSearch.Found found) {
        return PageResponse.of(found.items(), query.pageOrDefault(), query.sizeOrDefault(), found.total());
    }

    @Transactional(readOnly = true)
    public BookView get(long id) {
        return books.find(id).orElseThrow(() -> new BookNotFoundException(id));
    }

    /** The genres of the books matching a query, each with how many (the query's own genre filter aside). */
    @Transactional(readOnly = true)
    public List<GenreCount> genres(BookQuery query) {
        return search.genreCounts(query, search.hits(query));
    }

    @Transactional(readOnly = true)
    public List<GenreCount> genres() {
        return jdbc.query(
                "SELECT genre, COUNT(*) AS n FROM books GROUP BY genre ORDER BY genre",
                (rs, row) -> new GenreCount(rs.getString("genre"), rs.getLong("n")));
    }

    @Transactional
    public BookView create(BookCommand command) {
        if (books.existsByIsbn(command.normalizedIsbn())) {
            throw new IsbnTakenException(command.normalizedIsbn());
        }
        try {
            BookView book = books.find(books.insert(command)).orElseThrow();
            searchIndex.saved(BookRepository.searchDocument(book));
            return book;
        } catch (DataIntegrityViolationException addedConcurrently) {
            throw new IsbnTakenException(command.normalizedIsbn());
        }
    }

    /** Replaces a book, provided nobody changed it since {@code expectedVersion} (a sale changes it too). */
    @Transactional
    public BookView update(long id, long expectedVersion, BookCommand command) {
        BookView current = books.find(id).orElseThrow(() -> new BookNotFoundException(id));
        if (current.version() != expectedVersion) {
            throw stale();
        }
        if (!current.isbn().equals(command.normalizedIsbn()) && books.existsByIsbn(command.normalizedIsbn())) {
            throw new IsbnTakenException(command.normalizedIsbn());
        }
        try {
            if (!books.update(id, expectedVersion, command)) {
                throw stale();
            }
        } catch (DataIntegrityViolationException isbnTakenMeanwhile) {
            throw new IsbnTakenException(command.normalizedIsbn());
        }
        BookView book = books.find(id).orElseThrow();
        searchIndex.saved(BookRepository.searchDocument(book));
        return book;
    }

    @Transactional
    public void delete(long id) {
        if (!books.delete(id)) {
            throw new BookNotFoundException(id);
        }
        searchIndex.deleted(id);
    }

    private static PreconditionFailedException stale() {
        return PreconditionFailedException.stale(
                "This book was changed since you loaded it. Reload it and apply your change again.");
    }
}
