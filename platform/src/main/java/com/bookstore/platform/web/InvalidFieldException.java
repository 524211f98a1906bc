package com.bookstore.platform.web;

/** A field failed a rule that annotations cannot express (a common password, an ISBN checksum). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
