package com.bookstore.purchase.mail;

import com.bookstore.platform.web.DatabaseUnavailable;
import com.bookstore.platform.web.SiteUrl;
import com.bookstore.platform.web.WriterUnavailableException;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderMailbox.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the order e-mails of the mail outbox (SMTP; SES's API on AWS), oldest first and in order for each order (a
 * mail waits while an earlier one of its order is still unsent). Each is sent inside the transaction that locks its
 * row and marks it sent, so any instance sends it once; one whose sending fails waits 2, 4, 8… s (at most 10
 * minutes) before its next try, and the customer's request that owed it never knew. One still unsent
 * {@code bookstore.purchase.mail-give-up-after} (a day) after it was owed is given up at its next failure — logged,
 * kept in the outbox — so that an address the mail service refuses for good does not hold back the order's later
 * e-mails for ever. A crash after the order's change commits and before the mail leaves loses nothing: the row is
 * still there. A crash in the moment between the mail server's "OK" and the commit sends it again on restart, with
 * the same Message-ID, which mail systems show as one.
 */
@Component
class OrderMailRelay {

    private static final Logger log = LoggerFactory.getLogger(OrderMailRelay.class);

    private final JdbcTemplate jdbc;
    private final OrderDetails orders;
    private final Optional<JavaMailSender> sender;
    private final TransactionTemplate transaction;
    private final String from;
    private final String siteUrl;
    private final Duration giveUpAfter;
    private boolean quiet;

    OrderMailRelay(
            JdbcTemplate jdbc,
            OrderDetails orders,
            ObjectProvider<JavaMailSender> sender,
            PlatformTransactionManager transactions,
            @Value("${bookstore.mail.from:Bookstore <orders@bookstore.test>}") String from,
            @Value("${bookstore.site-url:https://localhost:8443}") String siteUrl,
            @Value("${bookstore.purchase.mail-give-up-after:24h}") Duration giveUpAfter) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
        this.siteUrl = SiteUrl.base(siteUrl);
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(
            fixedDelayString = "${bookstore.purchase.mail-interval:1s}",
            initialDelayString = "${bookstore.purchase.mail-interval:1s}")
    public void tick() {
        if (sender.isEmpty()) {
            if (!quiet) {
                log.info("No mail server configured (spring.mail.host): order e-mails wait in the outbox");
                quiet = true;
            }
            return;
        }
        try {
            for (int sent = 0; sent < 50 && Boolean.TRUE.equals(transaction.execute(status -> sendOne())); sent++) {
                // until the outbox has nothing due, 50 at most per tick
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) && !WriterUnavailableException.isCause(e)) {
                throw e;
            }
            log.debug("Order e-mails wait for the database's writer: {}", e.toString());
        }
    }

    /** Sends the oldest due e-mail; false when none is due. In the caller's transaction. */
    boolean sendOne() {
        List<Due> due = jdbc.query(
                "SELECT m.id, m.order_id, m.kind, m.attempts,"
                        + " m.created_at < CURRENT_TIMESTAMP(6) - INTERVAL ? SECOND AS overdue"
                        + " FROM mail_outbox m WHERE m.sent_at IS NULL AND m.given_up_at IS NULL"
                        + " AND m.next_attempt_at <= CURRENT_TIMESTAMP(6) AND NOT EXISTS (SELECT 1 FROM mail_outbox e"
                        + " WHERE e.order_id = m.order_id AND e.sent_at IS NULL AND e.given_up_at IS NULL"
                        + " AND e.id < m.id)"
                        + " ORDER BY m.id LIMIT 1 FOR UPDATE SKIP LOCKED",
                (rs, row) -> new Due(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts"),
                        rs.getBoolean("overdue")),
                giveUpAfter.toSeconds());
        if (due.isEmpty()) {
            return false;
        }
        Due mail = due.getFirst();
        Optional<OrderDetails.Addressed> order = orders.forMail(mail.orderId());
        if (order.isPresent() && order.get().email() != null) {
            try {
                send(mail, order.get());
            } catch (MailException | MessagingException e) {
                if (mail.overdue()) {
                    giveUp(mail, e);
                    return true;
                }
                long wait = Math.min(600, 1L << Math.min(10, mail.attempts() + 1));
                jdbc.update(
                        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,"
                                + " next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? SECOND WHERE id = ?",
                        abbreviate(e.toString()),
                        wait,
                        mail.id());
                log.info(
                        "Could not send the {} e-mail of order {} (try {}); next in {} s: {}",
                        mail.kind(),
                        mail.orderId(),
                        mail.attempts() + 1,
                        wait,
                        e.toString());
                return true;
            }
        }
        jdbc.update("UPDATE mail_outbox SET sent_at = CURRENT_TIMESTAMP(6) WHERE id = ?", mail.id());
        return true;
    }

    private void send(Due mail, OrderDetails.Addressed order) throws MessagingException {
        OrderMailText words = OrderMailText.of(mail.kind(), order.order(), siteUrl);
        JavaMailSender smtp = sender.orElseThrow();
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(order.email());
        helper.setSubject(words.subject());
        helper.setText(words.text(), words.html());
        // The same mail has the same Message-ID however often it is sent (a resend after a crash); Spring keeps it.
        message.setHeader(
                "Message-ID", "<" + mail.orderId() + "." + mail.kind().name().toLowerCase() + "@bookstore>");
        smtp.send(message);
    }

    private void giveUp(Due mail, Exception e) {
        jdbc.update(
                "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, given_up_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE id = ?",
                abbreviate(e.toString()),
                mail.id());
        log.warn(
                "Gave up the {} e-mail of order {}: not sent in {} tries over {}; the last error: {}",
                mail.kind(),
                mail.orderId(),
                mail.attempts() + 1,
                giveUpAfter,
                e.toString());
    }

    private static String abbreviate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }

    private record Due(long id, String orderId, Kind kind, int attempts, boolean overdue) {}
}
