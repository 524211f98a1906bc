package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookCommand;
import com.bookstore.catalog.books.BookQuery;
import com.bookstore.catalog.books.BookView;
import com.bookstore.catalog.books.Catalog;
import com.bookstore.catalog.books.IsbnTakenException;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.PreconditionFailedException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff catalog pages. The form is checked by the same rules as the API ({@link BookCommand}), and errors are shown
 * next to their fields; an edit based on an old version is refused with a clear message instead of overwriting.
 */
@PageController
class AdminBookPages {

    private final Catalog catalog;
    private final Validator validator;

    AdminBookPages(Catalog catalog, Validator validator) {
        this.catalog = catalog;
        this.validator = validator;
    }

    @GetMapping("/admin/books")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        BookQuery query = new BookQuery(q, null, null, null, null, null, "title", Math.max(0, page), 25);
        model.addAttribute("q", q);
        model.addAttribute("page", catalog.search(query));
        return "admin/books";
    }

    @GetMapping("/admin/books/new")
    String newBook(Model model) {
        model.addAttribute("form", new BookForm());
        return "admin/book-form";
    }

    @PostMapping("/admin/books")
    String create(@ModelAttribute("form") BookForm form, BindingResult errors, HttpServletResponse response) {
        BookCommand command = form.command();
        if (valid(command, errors)) {
            try {
                BookView book = catalog.create(command);
                Flash.set(response, "Added “" + book.title() + "”.");
                return "redirect:/books/" + book.id();
            } catch (IsbnTakenException e) {
                errors.rejectValue("isbn", "taken", e.getMessage());
            }
        }
        response.setStatus(400);
        return "admin/book-form";
    }

    @GetMapping("/admin/books/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", BookForm.of(catalog.get(id)));
        return "admin/book-form";
    }

    @PostMapping("/admin/books/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") BookForm form,
            BindingResult errors,
            HttpServletResponse response) {
        form.setId(id);
        BookCommand command = form.command();
        if (valid(command, errors)) {
            try {
                BookView book = catalog.update(id, form.getVersion(), command);
                Flash.set(response, "Saved “" + book.title() + "”.");
                return "redirect:/books/" + book.id();
            } catch (PreconditionFailedException e) {
                errors.reject(
                        "stale",
                        "Someone changed this book (or sold a copy) while you edited it. "
                                + "Reload the page to see the current version, then apply your change again.");
                response.setStatus(409);
                return "admin/book-form";
            } catch (IsbnTakenException e) {
                errors.rejectValue("isbn", "taken", e.getMessage());
            }
        }
        response.setStatus(400);
        return "admin/book-form";
    }

    @GetMapping("/admin/books/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("book", catalog.get(id));
        return "admin/book-delete";
    }

    @PostMapping("/admin/books/{id}/delete")
    String delete(@PathVariable long id, HttpServletResponse response) {
        BookView book = catalog.get(id);
        catalog.delete(id);
        Flash.set(response, "Deleted “" + book.title() + "”.");
        return "redirect:/admin/books";
    }

    private boolean valid(BookCommand command, BindingResult errors) {
        if (errors.hasErrors()) {
            return false;
        }
        Set<ConstraintViolation<BookCommand>> violations = validator.validate(command);
        for (ConstraintViolation<BookCommand> violation : violations) {
            errors.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
        }
        return violations.isEmpty();
    }
}
