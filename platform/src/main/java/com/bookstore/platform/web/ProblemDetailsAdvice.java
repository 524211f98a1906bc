package com.bookstore.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one place exceptions become RFC 9457 problem+json answers. Client mistakes get a 4xx that says what to fix;
 * an unreachable database gets 503 with Retry-After; anything else a plain 500 with no stack trace or SQL.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(FieldErrors.problem(ex.getBindingResult().getFieldErrors().stream()
                        .map(error -> FieldErrors.error(error.getField(), String.valueOf(error.getDefaultMessage())))
                        .toList()));
    }

    /**
     * A body that is not JSON, or a field of the wrong type or out of range (text for a number, an unknown enum
     * constant, a number too large): the same field-error shape as a failed validation, naming the field, instead
     * of Spring's bare "Failed to read request".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(FieldErrors.problem(List.of(FieldErrors.error(
                            FieldErrors.fieldPath(jackson.getPath()), FieldErrors.expected(jackson)))));
        }
        String detail = ex.getCause() instanceof StreamReadException
                ? "The request body is not valid JSON."
                : "The request body is missing or is not the JSON this endpoint takes.";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request", detail));
    }

    /** Spring's own answers (404, 405, 415, unreadable body…) get a type too, like every problem of ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(typeFor(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        return ResponseEntity.badRequest()
                .body(FieldErrors.problem(ex.getConstraintViolations().stream()
                        .map(violation -> FieldErrors.error(
                                FieldErrors.lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                        .toList()));
    }

    /** Tomcat refuses parameters that are not valid percent-encoded UTF-8 when they are first read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters() {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "The address's parameters could not be read: use UTF-8, percent-encoded."));
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> conflict(StateConflictException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
        ex.details().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException ex) {
        HttpStatus status = ex.missing() ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.PRECONDITION_FAILED;
        return ResponseEntity.status(status).body(problem(status, status.getReasonPhrase(), ex.getMessage()));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest()
                .body(FieldErrors.problem(List.of(FieldErrors.error(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(NotAuthenticatedException.class)
    ResponseEntity<ProblemDetail> notAuthenticated(NotAuthenticatedException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", ex.getMessage()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex) {
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage()));
    }

    @ExceptionHandler(TemporarilyUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(TemporarilyUnavailableException ex) {
        return serviceUnavailable("Service temporarily unavailable", ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (WriterUnavailableException.isCause(ex)) {
            log.warn("A change while the writer is away: {}", ex.toString());
            return serviceUnavailable(
                    "Read-only for a moment",
                    "The store is switching to a standby database: reading works, changes cannot be saved"
                            + " right now. Please try again shortly.");
        }
        if (DatabaseUnavailable.isCause(ex)) {
            log.warn("Database unavailable: {}", ex.toString());
            return serviceUnavailable(
                    "Service temporarily unavailable",
                    "The store's database cannot be reached right now. Please try again shortly.");
        }
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "Something went wrong on our side. It has been logged."));
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, title, detail));
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(typeFor(status.value()));
        return problem;
    }

    public static URI typeFor(int status) {
        return URI.create("https://bookstore.example/problems/" + status);
    }
}
