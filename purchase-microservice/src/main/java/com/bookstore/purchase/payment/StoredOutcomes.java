package com.bookstore.purchase.payment;

import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.payment.PaymentOutcome.Paid;
import com.bookstore.purchase.payment.PaymentOutcome.Refusal;
import com.bookstore.purchase.payment.PaymentOutcome.Refused;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment outcome as its {@code Idempotency-Key} record keeps it, so that a repeat gets the same one: a paid
 * order as its JSON at the time (status 200), a refusal as its kind and words (status 0). Records written before
 * outcomes were kept this way hold the HTTP answer itself, which is read back too.
 */
@Component
class StoredOutcomes {

    private static final int PAID = 200;
    private static final int REFUSED = 0;
    private static final Map<Integer, Refusal> EARLIER_ANSWERS = Map.of(
            404, Refusal.NO_SUCH_ORDER, 409, Refusal.NOT_PAYABLE, 402, Refusal.DECLINED, 422, Refusal.KEY_REUSED);

    record Stored(int status, String body) {}

    private final JsonMapper json;

    StoredOutcomes(JsonMapper json) {
        this.json = json;
    }

    Stored write(PaymentOutcome outcome) {
        return switch (outcome) {
            case Paid paid -> new Stored(PAID, json.writeValueAsString(paid.order()));
            case Refused refused ->
                new Stored(
                        REFUSED,
                        json.writeValueAsString(
                                Map.of("refusal", refused.refusal().name(), "detail", refused.detail())));
        };
    }

    PaymentOutcome read(int status, String body) {
        if (status == PAID) {
            return new Paid(json.readValue(body, OrderView.class));
        }
        JsonNode stored = json.readTree(body);
        Refusal refusal = status == REFUSED
                ? Refusal.valueOf(stored.path("refusal").asString())
                : EARLIER_ANSWERS.getOrDefault(status, Refusal.NOT_PAYABLE);
        return new Refused(refusal, stored.path("detail").asString());
    }
}
