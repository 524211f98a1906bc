package com.bookstore.catalog.books;

/** A genre and how many books it holds. */
public record GenreCount(String genre, long count) {}
