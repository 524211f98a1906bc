package com.bookstore.catalog.books;

import com.bookstore.platform.web.ResourceNotFoundException;

/** No book has this id (any more). */
public class BookNotFoundException extends ResourceNotFoundException {

    BookNotFoundException(long id) {
        super("There is no book " + id + ".");
    }
}
