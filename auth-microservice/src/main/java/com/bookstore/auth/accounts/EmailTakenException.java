package com.bookstore.auth.accounts;

import com.bookstore.platform.web.StateConflictException;

/** Registration with an address that already has an account. */
public class EmailTakenException extends StateConflictException {

    EmailTakenException() {
        super("An account with this e-mail address already exists.");
    }
}
