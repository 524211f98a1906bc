package com.bookstore.purchase.payment;

import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.purchase.delivery.Deliveries;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.Orders;
import com.bookstore.purchase.payment.PaymentOutcome.Paid;
import com.bookstore.purchase.payment.PaymentOutcome.Refusal;
import com.bookstore.purchase.payment.PaymentOutcome.Refused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an order exactly once per {@code Idempotency-Key}: the key is claimed first; the decision (charge, order
 * PAID, payment row, outbox event for the delivery) and the stored answer commit in one transaction; repeats get
 * the stored outcome. A declined card leaves the order payable with another key.
 */
@Service
public class Payments {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

    private final IdempotencyKeys keys;
    private final CardProcessor processor;
    private final Orders orders;
    private final OrderDetails details;
    private final PaymentRecords records;
    private final Deliveries deliveries;
    private final StoredOutcomes stored;
    private final TransactionTemplate transaction;

    Payments(
            IdempotencyKeys keys,
            CardProcessor processor,
            Orders orders,
            OrderDetails details,
            PaymentRecords records,
            Deliveries deliveries,
            StoredOutcomes stored,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.processor = processor;
        this.orders = orders;
        this.details = details;
        this.records = records;
        this.deliveries = deliveries;
        this.stored = stored;
        this.transaction = new TransactionTemplate(transactions);
    }

    public PaymentOutcome pay(long userId, String orderId, String key, CardDetails card) {
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
            case IdempotencyKeys.Replay replay -> stored.read(replay.status(), replay.body());
            case IdempotencyKeys.DifferentRequest different ->
                new Refused(
                        Refusal.KEY_REUSED,
                        "This Idempotency-Key was used for a different request. Use a new key for a new payment.");
            case IdempotencyKeys.InFlight inFlight ->
                new Refused(
                        Refusal.IN_PROGRESS,
                        "A payment with this Idempotency-Key is still being processed. Try again in a moment.");
            case IdempotencyKeys.Claimed claimed -> decide(userId, orderId, key, card);
        };
    }

    private PaymentOutcome decide(long userId, String orderId, String key, CardDetails card) {
        try {
            return transaction.execute(status -> {
                PaymentOutcome outcome = charge(userId, orderId, card);
                StoredOutcomes.Stored answer = stored.write(outcome);
                keys.complete(userId, key, answer.status(), answer.body());
                return outcome;
            });
        } catch (RuntimeException e) {
            keys.release(userId, key);
            throw e;
        }
    }

    private PaymentOutcome charge(long userId, String orderId, CardDetails card) {
        Optional<OrderStatus> status = orders.lockForPayment(userId, orderId);
        if (status.isEmpty()) {
            return new Refused(Refusal.NO_SUCH_ORDER, "You have no order " + orderId + ".");
        }
        if (status.get() != OrderStatus.PENDING_PAYMENT) {
            return new Refused(Refusal.NOT_PAYABLE, "This order cannot be paid: it is " + status.get() + ".");
        }
        CardProcessor.Outcome outcome = processor.charge(card);
        if (!outcome.approved()) {
            return new Refused(Refusal.DECLINED, outcome.declineReason());
        }
        // Status, payment record and the request for its delivery, in one commit.
        orders.markPaid(orderId);
        records.capture(orderId, UUID.randomUUID().toString(), outcome.brand(), outcome.last4());
        deliveries.request(orderId);
        return new Paid(details.get(userId, orderId));
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
