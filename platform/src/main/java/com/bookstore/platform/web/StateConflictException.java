package com.bookstore.platform.web;

import java.util.Map;

/**
 * The request is valid but clashes with the current state of the resource (taken, not payable, already shipped).
 * Details a client can act on (which books lack stock) travel as extra problem properties.
 */
public class StateConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public StateConflictException(String message) {
        this(message, Map.of());
    }

    public StateConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
