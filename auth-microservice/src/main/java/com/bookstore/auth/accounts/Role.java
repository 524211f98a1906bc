package com.bookstore.auth.accounts;

/** What an account may do: shop, or also run the store. */
public enum Role {
    CUSTOMER,
    ADMIN
}
