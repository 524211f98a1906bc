package com.bookstore.catalog.books;

import com.bookstore.catalog.search.SearchDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A title the store sells, with its price and the copies in stock. Versioned: edits never overwrite each other. */
@Entity
@Table(name = "books")
class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String isbn;
    private String title;
    private String author;

    @Column(columnDefinition = "text")
    private String description;

    private String genre;

    @Column(name = "published_year", columnDefinition = "smallint")
    private int publishedYear;

    private BigDecimal price;
    private String currency;
    private int stock;

    private String series;

    @Column(name = "cover_url")
    private String coverUrl;

    @Version
    private long version;

    protected Book() {}

    Book(BookCommand command) {
        apply(command);
    }

    void apply(BookCommand command) {
        this.isbn = command.normalizedIsbn();
        this.title = command.title().trim();
        this.author = command.author().trim();
        this.description =
                command.description() == null ? "" : command.description().trim();
        this.genre = command.genre().trim();
        this.publishedYear = command.publishedYear();
        this.price = command.price().setScale(2, java.math.RoundingMode.UNNECESSARY);
        this.currency = command.currencyOrDefault();
        this.stock = command.stock();
        this.coverUrl = command.coverUrl();
        this.series = command.seriesOrNull();
    }

    Long id() {
        return id;
    }

    String isbn() {
        return isbn;
    }

    long version() {
        return version;
    }

    SearchDocument searchDocument() {
        return new SearchDocument(id, version, title, author, description, genre, series);
    }

    BookView view() {
        return new BookView(
                id,
                isbn,
                title,
                author,
                description,
                genre,
                publishedYear,
                price,
                currency,
                stock,
                coverUrl == null || coverUrl.isBlank() ? BookView.generatedCover(id, version) : coverUrl,
                version,
                series);
    }
}
