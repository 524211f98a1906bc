package com.bookstore.platform.web;

/** The service cannot take this request right now (overloaded or a dependency is down); the client may retry. */
public class TemporarilyUnavailableException extends RuntimeException {

    public TemporarilyUnavailableException(String message) {
        super(message);
    }
}
