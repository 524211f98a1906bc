package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookCommand;
import com.bookstore.catalog.books.BookView;
import java.math.BigDecimal;

/** The staff book form's fields as typed; {@link BookCommand} holds the rules. */
public class BookForm {

    private Long id;
    private long version;
    private String isbn = "";
    private String title = "";
    private String author = "";
    private String description = "";
    private String genre = "";
    private Integer publishedYear;
    private BigDecimal price;
    private Integer stock;
    private String series = "";

    static BookForm of(BookView book) {
        BookForm form = new BookForm();
        form.id = book.id();
        form.version = book.version();
        form.isbn = book.isbn();
        form.title = book.title();
        form.author = book.author();
        form.description = book.description();
        form.genre = book.genre();
        form.publishedYear = book.publishedYear();
        form.price = book.price();
        form.stock = book.stock();
        form.series = book.series() == null ? "" : book.series();
        return form;
    }

    BookCommand command() {
        return new BookCommand(
                isbn, title, author, description, genre, publishedYear, price, "EUR", stock, null, series);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getGenre() {
        return genre;
    }

    public void setGenre(String genre) {
        this.genre = genre;
    }

    public Integer getPublishedYear() {
        return publishedYear;
    }

    public void setPublishedYear(Integer publishedYear) {
        this.publishedYear = publishedYear;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
    }

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }
}
