package com.bookstore.auth.accounts;

/** An account was opened (in the transaction that stores it): its address is to be confirmed. */
public record AccountOpened(UserView account) {}
