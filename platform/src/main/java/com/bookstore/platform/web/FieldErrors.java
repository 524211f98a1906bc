package com.bookstore.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one shape of a 400 for fields that are not valid, however the mistake was found (bean validation, a JSON
 * value of the wrong type, a rule of ours): {@code errors} lists each field with what to fix.
 */
final class FieldErrors {

    private FieldErrors() {}

    static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail problem =
                ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are not valid.");
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    static String expected(JacksonException ex) {
        Class<?> type = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "Not a valid value here.";
        }
        if (type.isEnum()) {
            return "Must be one of: "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "))
                    + ".";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "Must be a whole number within range.";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "Must be a number.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Must be true or false.";
        }
        if (type == String.class) {
            return "Must be text.";
        }
        return "Not a valid value here.";
    }

    static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
