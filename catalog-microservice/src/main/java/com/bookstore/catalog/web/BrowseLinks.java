package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookQuery;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the browse page that keep the current search and filters: other pages, other genres. */
public final class BrowseLinks {

    private final BookQuery query;

    BrowseLinks(BookQuery query) {
        this.query = query;
    }

    public String page(int page) {
        return build(query.genre(), page);
    }

    public String genre(String genre) {
        return build(genre, 0);
    }

    private String build(String genre, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/books");
        add(uri, "q", query.q());
        add(uri, "genre", genre);
        add(uri, "author", query.author());
        add(uri, "minPrice", query.minPrice());
        add(uri, "maxPrice", query.maxPrice());
        if (Boolean.TRUE.equals(query.inStock())) {
            uri.queryParam("inStock", "true");
        }
        add(uri, "sort", query.sort());
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            uri.queryParam(name, value);
        }
    }
}
