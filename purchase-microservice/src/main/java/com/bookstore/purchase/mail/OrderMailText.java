package com.bookstore.purchase.mail;

import com.bookstore.purchase.orders.OrderMailbox.Kind;
import com.bookstore.purchase.orders.OrderView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The words of each order e-mail: a subject, plain text, and simple HTML saying the same, with the order's link. */
record OrderMailText(String subject, String text, String html) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static OrderMailText of(Kind kind, OrderView order, String siteUrl) {
        String number = order.id().substring(0, 8).toUpperCase(Locale.ROOT);
        String link = siteUrl + "/orders/" + order.id();
        String name = order.shippingAddress().fullName();
        String money = order.total() + " " + order.currency();
        String subject;
        String body;
        switch (kind) {
            case RECEIVED -> {
                subject = "We have your order " + number;
                StringBuilder lines = new StringBuilder();
                order.items()
                        .forEach(item -> lines.append(item.quantity())
                                .append(" × ")
                                .append(item.title())
                                .append(" — ")
                                .append(item.lineTotal())
                                .append(' ')
                                .append(order.currency())
                                .append('\n'));
                body = "Thank you for your order " + number + ":\n\n" + lines + "Delivery: " + order.shippingCost()
                        + " "
                        + order.currency() + "\nTotal: " + money + "\n\nPlease pay before "
                        + WHEN.format(order.payBefore()) + ", or the order is cancelled and its books go back on sale.";
            }
            case PAID -> {
                subject = "Your order " + number + " is paid";
                body = "We received your payment of " + money + " for order " + number
                        + ". We are preparing your books for shipping.";
            }
            case SHIPPED -> {
                subject = "Your order " + number + " is on its way";
                body = "Your books left our warehouse" + carrier(order) + ".";
            }
            case DELIVERED -> {
                subject = "Your order " + number + " was delivered";
                body = "Your order " + number + " was delivered. Enjoy your books!";
            }
            case CANCELLED -> {
                subject = "Your order " + number + " is cancelled";
                body = "Your order " + number + " is cancelled."
                        + (order.payment() != null && order.payment().refundedAt() != null
                                ? " Your payment of " + money + " is refunded to your card ending in "
                                        + order.payment().last4() + "."
                                : " Nothing was charged.");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        String text = "Hello " + name + ",\n\n" + body + "\n\nYour order: " + link + "\n\nBookstore\n";
        String html = "<p>Hello " + HtmlUtils.htmlEscape(name) + ",</p><p>"
                + HtmlUtils.htmlEscape(body).replace("\n", "<br>") + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link)
                + "\">Your order " + number + "</a></p><p>Bookstore</p>";
        return new OrderMailText(subject, text, html);
    }

    private static String carrier(OrderView order) {
        if (order.delivery() == null) {
            return "";
        }
        return " with " + order.delivery().carrier() + ", tracking number "
                + order.delivery().trackingNumber()
                + (order.delivery().estimatedDelivery() == null
                        ? ""
                        : "; expected by " + order.delivery().estimatedDelivery());
    }
}
