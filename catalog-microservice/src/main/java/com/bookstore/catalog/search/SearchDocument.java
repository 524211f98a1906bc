package com.bookstore.catalog.search;

/** What the search index knows of a book: its id and the words it can be found by. */
public record SearchDocument(long id, String title, String author, String description, String genre, String series) {}
