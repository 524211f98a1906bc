package com.bookstore.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that no controller advice saw (an unknown address, a wrong method, a failure in a filter) end here: a
 * browser gets the site's error page, any other client problem+json. Never a stack trace or a Whitelabel page.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        HttpStatus shown = switch (status) {
            case BAD_REQUEST, NOT_FOUND, FORBIDDEN, SERVICE_UNAVAILABLE -> status;
            default -> status.is4xxClientError() ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        };
        ModelAndView view = new ModelAndView("error/" + shown.value());
        view.setStatus(status);
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            case UNAUTHORIZED -> "Sign in to continue.";
            case FORBIDDEN -> "Your account may not do this.";
            default -> status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase();
        };
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail);
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body(problem);
    }

    /** The status of the error being shown; /error asked for directly (no error behind it) is just not a page. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        for (Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                cause instanceof Throwable thrown;
                cause = thrown.getCause()) {
            if (thrown instanceof InvalidParameterException) {
                return HttpStatus.BAD_REQUEST; // unreadable parameters, first read by a filter
            }
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
