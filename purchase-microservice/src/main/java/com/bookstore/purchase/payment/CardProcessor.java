package com.bookstore.purchase.payment;

import com.bookstore.platform.web.InvalidFieldException;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * A simulated card processor with the behaviour of a real one's test mode: a number must pass the Luhn check and
 * the card must not have expired; {@code 4242424242424242} is approved, {@code 4000000000000002} declined,
 * {@code 4000000000009995} declined for insufficient funds, any other valid number approved.
 */
@Component
class CardProcessor {

    static final String DECLINED = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";

    private final Clock clock;

    CardProcessor(Clock clock) {
        this.clock = clock;
    }

    /** Rejects card data no processor would accept (400), before anything is recorded. */
    void check(CardDetails card) {
        String digits = card.digits();
        if (digits.length() < 12 || digits.length() > 19 || !luhn(digits)) {
            throw new InvalidFieldException("cardNumber", "This card number is not valid.");
        }
        YearMonth expiry = YearMonth.of(card.expiryYear(), card.expiryMonth());
        if (expiry.isBefore(YearMonth.now(clock))) {
            throw new InvalidFieldException("expiryYear", "This card has expired.");
        }
    }

    Outcome charge(CardDetails card) {
        String digits = card.digits();
        String last4 = digits.substring(digits.length() - 4);
        return switch (digits) {
            case DECLINED -> Outcome.declined("Your card was declined. Try another card.", brand(digits), last4);
            case INSUFFICIENT_FUNDS ->
                Outcome.declined("Your card was declined: insufficient funds. Try another card.", brand(digits), last4);
            default -> Outcome.approved(brand(digits), last4);
        };
    }

    static String brand(String digits) {
        if (digits.startsWith("4")) {
            return "VISA";
        }
        if (digits.matches("5[1-5].*|2[2-7].*")) {
            return "MASTERCARD";
        }
        if (digits.matches("3[47].*")) {
            return "AMEX";
        }
        return "CARD";
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    record Outcome(boolean approved, String declineReason, String brand, String last4) {
        static Outcome approved(String brand, String last4) {
            return new Outcome(true, null, brand, last4);
        }

        static Outcome declined(String reason, String brand, String last4) {
            return new Outcome(false, reason, brand, last4);
        }
    }
}
