package com.bookstore.purchase.catalog;

import com.bookstore.platform.web.TemporarilyUnavailableException;

/** The catalog did not answer (in time) after retries: the checkout cannot be completed now. */
public class CatalogUnavailableException extends TemporarilyUnavailableException {

    CatalogUnavailableException(String what, Throwable cause) {
        super("The catalog is not reachable right now (" + what + "). Please try again shortly.");
        initCause(cause);
    }
}
