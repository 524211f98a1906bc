package com.bookstore.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One suggestion for the search box: an author's name, or a book's title (with its id, to go straight to it). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(Kind kind, String text, Long bookId) {

    public enum Kind {
        title,
        author
    }

    static Suggestion title(long bookId, String title) {
        return new Suggestion(Kind.title, title, bookId);
    }

    static Suggestion author(String name) {
        return new Suggestion(Kind.author, name, null);
    }
}
