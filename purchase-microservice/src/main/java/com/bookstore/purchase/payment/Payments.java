package com.bookstore.purchase.payment;

import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.ProblemDetailsAdvice;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.Orders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pays an order exactly once per {@code Idempotency-Key}: the key is claimed first; the decision (charge, order
 * PAID, payment row, outbox event for the delivery) and the stored answer commit in one transaction; repeats get
 * the stored answer, byte for byte. A declined card answers 402 and leaves the order payable with another key.
 */
@Service
public class Payments {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

    private final IdempotencyKeys keys;
    private final CardProcessor processor;
    private final Orders orders;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    Payments(
            IdempotencyKeys keys,
            CardProcessor processor,
            Orders orders,
            JsonMapper json,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.processor = processor;
        this.orders = orders;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The answer to send: its status and JSON body. */
    public record Answer(int status, String body) {}

    public Answer pay(long userId, String orderId, String key, CardDetails card) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidFieldException(
                    "Idempotency-Key", "Send an Idempotency-Key header: 8 to 100 letters, digits or - _ . :");
        }
        processor.check(card);
        String fingerprint = fingerprint(orderId, card);
        IdempotencyKeys.Claim claim = keys.claim(userId, key, fingerprint);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (claim instanceof IdempotencyKeys.InFlight && System.nanoTime() < deadline) {
            sleep();
            claim = keys.existing(userId, key, fingerprint);
        }
        return switch (claim) {
            case IdempotencyKeys.Replay replay -> new Answer(replay.status(), replay.body());
            case IdempotencyKeys.DifferentRequest different ->
                problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request. Use a new key for a new payment.");
            case IdempotencyKeys.InFlight inFlight ->
                problem(
                        HttpStatus.CONFLICT,
                        "Payment in progress",
                        "A payment with this Idempotency-Key is still being processed. Try again in a moment.");
            case IdempotencyKeys.Claimed claimed -> decide(userId, orderId, key, card);
        };
    }

    private Answer decide(long userId, String orderId, String key, CardDetails card) {
        try {
            return transaction.execute(status -> {
                Answer answer = charge(userId, orderId, card);
                keys.complete(userId, key, answer.status(), answer.body());
                return answer;
            });
        } catch (RuntimeException e) {
            keys.release(userId, key);
            throw e;
        }
    }

    private Answer charge(long userId, String orderId, CardDetails card) {
        Optional<OrderStatus> status = orders.lockForPayment(userId, orderId);
        if (status.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "You have no order " + orderId + ".");
        }
        if (status.get() != OrderStatus.PENDING_PAYMENT) {
            return problem(
                    HttpStatus.CONFLICT, "Not payable", "This order cannot be paid: it is " + status.get() + ".");
        }
        CardProcessor.Outcome outcome = processor.charge(card);
        if (!outcome.approved()) {
            return problem(HttpStatus.PAYMENT_REQUIRED, "Payment declined", outcome.declineReason());
        }
        orders.markPaid(orderId, UUID.randomUUID().toString(), outcome.brand(), outcome.last4());
        return new Answer(200, json.writeValueAsString(orders.get(userId, orderId)));
    }

    private Answer problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, title, detail);
        return new Answer(status.value(), json.writeValueAsString(problem));
    }

    static String fingerprint(String orderId, CardDetails card) {
        String canonical = String.join(
                "|",
                orderId,
                card.digits(),
                card.expiryMonth().toString(),
                card.expiryYear().toString(),
                card.cvc(),
                card.cardholderName().trim());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
