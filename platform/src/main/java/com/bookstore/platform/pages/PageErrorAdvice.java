package com.bookstore.platform.pages;

import com.bookstore.platform.web.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors of page controllers become the site's own error pages, in the shared layout, with the right status. */
@ControllerAdvice(annotations = PageController.class)
public class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(ResourceNotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex) {
        if (com.bookstore.platform.web.DatabaseUnavailable.isCause(ex)) {
            log.warn("Database unavailable while rendering a page: {}", ex.toString());
            return page(HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Unexpected error while rendering a page", ex);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    static ModelAndView page(HttpStatus status) {
        ModelAndView view = new ModelAndView("error/" + status.value());
        view.setStatus(status);
        view.addObject(
                "currentUser",
                CurrentUser.from(SecurityContextHolder.getContext().getAuthentication()));
        return view;
    }
}
