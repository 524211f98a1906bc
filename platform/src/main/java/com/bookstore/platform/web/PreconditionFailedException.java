package com.bookstore.platform.web;

/**
 * An update named the version it was based on ({@code If-Match}) and that is no longer the current one (412), or
 * named none where one is required (428): the client must reload before it overwrites someone else's change.
 */
public class PreconditionFailedException extends RuntimeException {

    private final boolean missing;

    private PreconditionFailedException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    public static PreconditionFailedException stale(String message) {
        return new PreconditionFailedException(message, false);
    }

    public static PreconditionFailedException missing(String message) {
        return new PreconditionFailedException(message, true);
    }

    public boolean missing() {
        return missing;
    }
}
