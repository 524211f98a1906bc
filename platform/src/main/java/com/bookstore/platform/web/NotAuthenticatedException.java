package com.bookstore.platform.web;

/** Credentials or a token were presented and are not good; the message is safe to show and reveals nothing. */
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
