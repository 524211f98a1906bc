package com.bookstore.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises, anywhere in a cause chain, that the database could not be reached, a commit's outcome is unknown, or
 * the writer turned read-only (failover).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable error) {
        return anyCause(error, DatabaseUnavailable::isUnavailable);
    }

    /** Whether {@code error} or anything in its cause chain matches. */
    static boolean anyCause(Throwable error, Predicate<Throwable> matches) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (matches.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransactionSystemException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException) {
            return true;
        }
        if (cause instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08")) {
            return true;
        }
        // A writer that became read-only under us (demoted in a failover): 1290 --read-only, 1836 read-only mode.
        return cause instanceof SQLException sql && (sql.getErrorCode() == 1290 || sql.getErrorCode() == 1836);
    }
}
