package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookCommand;
import com.bookstore.catalog.books.BookQuery;
import com.bookstore.catalog.books.BookView;
import com.bookstore.catalog.books.Catalog;
import com.bookstore.catalog.books.GenreCount;
import com.bookstore.catalog.search.Suggestion;
import com.bookstore.platform.web.PageResponse;
import com.bookstore.platform.web.PreconditionFailedException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /api/books} and {@code /api/genres}. Reads answer with validators (ETag, {@code no-cache}), so browsers
 * and nginx revalidate cheaply and a staff member never sees their own change hidden by a cache.
 */
@RestController
@RequestMapping("/api")
class BooksApiController {

    private final Catalog catalog;

    BooksApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/books")
    ResponseEntity<PageResponse<BookView>> search(@Valid BookQuery query) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(catalog.search(query));
    }

    /** Up to 8 authors and titles for what a reader has typed so far, for the search box (from the search index). */
    @GetMapping("/books/suggest")
    ResponseEntity<List<Suggestion>> suggest(@RequestParam(defaultValue = "") String q) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(catalog.suggest(q));
    }

    @GetMapping("/books/{id}")
    ResponseEntity<BookView> get(@PathVariable long id, WebRequest request) {
        BookView book = catalog.get(id);
        String etag = etag(book);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .body(book);
    }

    /** Every genre with its number of books; with search words or filters, of the books that match them. */
    @GetMapping("/genres")
    ResponseEntity<List<GenreCount>> genres(@Valid BookQuery query) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(catalog.genres(query));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/books")
    ResponseEntity<BookView> create(@Valid @RequestBody BookCommand command) {
        BookView book = catalog.create(command);
        return ResponseEntity.created(URI.create("/api/books/" + book.id()))
                .eTag(etag(book))
                .body(book);
    }

    @PutMapping("/books/{id}")
    ResponseEntity<BookView> update(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody BookCommand command) {
        BookView book = catalog.update(id, version(ifMatch), command);
        return ResponseEntity.ok().eTag(etag(book)).body(book);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/books/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    static String etag(BookView book) {
        return "\"" + book.version() + "\"";
    }

    /** The version an If-Match names: {@code "7"} or {@code W/"7"}. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailedException.missing(
                    "Send If-Match with the book's ETag, so that you cannot overwrite a change you have not seen.");
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw PreconditionFailedException.stale("If-Match does not name a version of this book.");
        }
    }
}
