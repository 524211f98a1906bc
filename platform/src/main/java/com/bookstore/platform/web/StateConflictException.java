package com.bookstore.platform.web;

/** The request is valid but clashes with the current state of the resource (taken, not payable, already shipped). */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
