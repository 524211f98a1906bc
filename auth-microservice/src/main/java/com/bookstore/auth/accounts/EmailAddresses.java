package com.bookstore.auth.accounts;

import java.util.Locale;

/** E-mail addresses compare case-insensitively: they are stored and looked up trimmed and lower-cased. */
public final class EmailAddresses {

    private EmailAddresses() {}

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
