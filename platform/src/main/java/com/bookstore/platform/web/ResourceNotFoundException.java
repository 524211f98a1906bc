package com.bookstore.platform.web;

/** Something the client named does not exist, or is not theirs to see (both answer the same, so as not to leak). */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
