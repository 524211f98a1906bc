package com.bookstore.purchase.web;

import com.bookstore.platform.web.ProblemDetailsAdvice;
import com.bookstore.purchase.payment.PaymentOutcome.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refused payment as HTTP says it: its status and title (shared/API.md), and the problem+json answer. */
final class PaymentRefusals {

    private PaymentRefusals() {}

    static HttpStatus status(Refused refused) {
        return switch (refused.refusal()) {
            case NO_SUCH_ORDER -> HttpStatus.NOT_FOUND;
            case NOT_PAYABLE, IN_PROGRESS -> HttpStatus.CONFLICT;
            case DECLINED -> HttpStatus.PAYMENT_REQUIRED;
            case KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static ErrorResponseException problem(Refused refused) {
        String title = switch (refused.refusal()) {
            case NO_SUCH_ORDER -> "Not found";
            case NOT_PAYABLE -> "Not payable";
            case IN_PROGRESS -> "Payment in progress";
            case DECLINED -> "Payment declined";
            case KEY_REUSED -> "Idempotency-Key reused";
        };
        HttpStatus status = status(refused);
        return new ErrorResponseException(status, ProblemDetailsAdvice.problem(status, title, refused.detail()), null);
    }
}
