package com.bookstore.platform.pages;

import com.bookstore.platform.web.DatabaseUnavailable;
import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.WriterUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of page controllers become the site's own error pages, in the shared layout, with the right status. */
@ControllerAdvice(annotations = PageController.class)
public class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(ResourceNotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    /** A path segment that is not what the page expects ({@code /books/abc}) names no page: 404. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException ex) {
        boolean inPath = ex.getParameter().hasParameterAnnotation(PathVariable.class);
        return page(inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    /** A query or form parameter missing or unreadable: the browser's (or the address's) mistake, 400. */
    @ExceptionHandler({
        ServletRequestBindingException.class,
        TypeMismatchException.class,
        BindException.class,
        HandlerMethodValidationException.class,
        ConstraintViolationException.class,
        HttpMessageNotReadableException.class,
        InvalidParameterException.class
    })
    ModelAndView badRequest() {
        return page(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, HttpServletResponse response) {
        if (DatabaseUnavailable.isCause(ex)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (WriterUnavailableException.isCause(ex)) {
            // Browsing goes on from the replicas; only changes wait for the writer.
            log.warn("A change while the writer is away: {}", ex.toString());
            ModelAndView readOnly = page(HttpStatus.SERVICE_UNAVAILABLE);
            readOnly.setViewName("error/read-only");
            return readOnly;
        }
        if (DatabaseUnavailable.isCause(ex)) {
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
