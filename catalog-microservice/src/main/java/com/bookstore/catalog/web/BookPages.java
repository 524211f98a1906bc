package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookQuery;
import com.bookstore.catalog.books.Catalog;
import com.bookstore.platform.pages.PageController;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The shop window: home, browse and search with facets, and a book's own page. */
@PageController
class BookPages {

    private final Catalog catalog;

    BookPages(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "newest", catalog.search(BookQuery.firstPage(8, "newest")).items());
        model.addAttribute(
                "featured",
                catalog.search(new BookQuery(null, "Classics", null, null, null, true, "title", 0, 8))
                        .items());
        model.addAttribute("genres", catalog.genres());
        return "home";
    }

    @GetMapping("/books")
    String browse(@Valid BookQuery query, BindingResult errors, Model model, HttpServletResponse response) {
        BookQuery used = query;
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("queryError", "Some filters were not valid and were ignored.");
            used = BookQuery.firstPage(BookQuery.DEFAULT_SIZE, null);
        }
        Catalog.Shelf shelf = catalog.browse(used);
        model.addAttribute("query", used);
        model.addAttribute("links", new BrowseLinks(used));
        model.addAttribute("page", shelf.page());
        model.addAttribute("genres", shelf.genres());
        return "books/list";
    }

    @GetMapping("/books/{id}")
    String book(@PathVariable long id, Model model) {
        model.addAttribute("book", catalog.get(id));
        return "books/detail";
    }
}
