package com.bookstore.catalog.books;

import com.bookstore.platform.web.StateConflictException;

/** Another book already has this ISBN. */
public class IsbnTakenException extends StateConflictException {

    IsbnTakenException(String isbn) {
        super("A book with ISBN " + isbn + " already exists.");
    }
}
