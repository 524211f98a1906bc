package com.bookstore.catalog.search;

/**
 * What the search index knows of a book: its id, its version (every change of the row raises it, so the index
 * never replaces a newer entry with an older one read from a lagging replica) and the words it can be found by.
 */
public record SearchDocument(
        long id, long version, String title, String author, String description, String genre, String series) {}
