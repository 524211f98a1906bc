package com.bookstore.platform.web;

import java.sql.SQLTransientConnectionException;

/**
 * The database's writer is known to be down (its probe, or the last attempt to reach it): a change is refused at
 * once instead of waiting for a connection that cannot come. Reads go on from the replicas meanwhile; the shop is
 * read-only for a moment, and says so.
 */
public final class WriterUnavailableException extends SQLTransientConnectionException {

    public WriterUnavailableException(String reason) {
        super("The database's writer is unavailable (" + reason + "); reads go on from the replicas", "08001");
    }

    public static boolean isCause(Throwable error) {
        return DatabaseUnavailable.anyCause(error, WriterUnavailableException.class::isInstance);
    }
}
