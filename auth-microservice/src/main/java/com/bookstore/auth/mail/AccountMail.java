package com.bookstore.auth.mail;

import com.bookstore.platform.transactions.AfterCommit;
import com.bookstore.platform.web.SiteUrl;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mails the auth service sends, over SMTP ({@code spring.mail.host}: the local catcher, Amazon SES on AWS). A
 * mail leaves after the transaction that asked for it commits, on a thread of its own: a request never waits for
 * the mail server nor fails because of it. A send that fails is tried again after 2, 10 and 50 s, then given up with
 * a warning (the customer can ask again). Without a mail server configured nothing is sent, and the log says so.
 */
@Component
public class AccountMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private static final long[] RETRY_SECONDS = {2, 10, 50};

    private final Optional<JavaMailSender> sender;
    private final String from;
    private final String siteUrl;
    private final ScheduledExecutorService outgoing = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "account-mail");
        thread.setDaemon(true);
        return thread;
    });

    AccountMail(
            ObjectProvider<JavaMailSender> sender,
            @Value("${bookstore.mail.from:Bookstore <no-reply@bookstore.test>}") String from,
            @Value("${bookstore.site-url:https://localhost:8443}") String siteUrl) {
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.from = from;
        this.siteUrl = SiteUrl.base(siteUrl);
    }

    /** The link that sets a new password, to the account's address. */
    public void passwordReset(String to, String name, String token, Duration validFor) {
        linkMail(
                to,
                name,
                "Choose a new Bookstore password",
                "Someone (we hope you) asked to set a new password for your Bookstore account. Open this link within "
                        + validFor.toMinutes() + " minutes to choose one:",
                siteUrl + "/account/reset?token=" + token,
                "Choose a new password",
                "If it was not you, ignore this mail: your password stays as it is.");
    }

    /** The link that confirms the account's address. */
    public void addressConfirmation(String to, String name, String token, Duration validFor) {
        linkMail(
                to,
                name,
                "Confirm your e-mail address for Bookstore",
                "Welcome to Bookstore. Open this link within " + validFor.toDays()
                        + " days to confirm that this address is yours:",
                siteUrl + "/account/confirm?token=" + token,
                "Confirm my address",
                "If you did not open an account at Bookstore, ignore this mail.");
    }

    /** A mail whose point is one link: plain text, and simple HTML with the same words. */
    private void linkMail(
            String to, String name, String subject, String lead, String link, String linkText, String closing) {
        String text = "Hello " + name + ",\n\n" + lead + "\n\n" + link + "\n\n" + closing + "\n\nBookstore\n";
        String html = "<p>Hello " + HtmlUtils.htmlEscape(name) + ",</p><p>" + HtmlUtils.htmlEscape(lead) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(linkText) + "</a></p>"
                + "<p>" + HtmlUtils.htmlEscape(closing) + "</p><p>Bookstore</p>";
        AfterCommit.run(() -> outgoing.execute(() -> send(to, subject, text, html, 0)));
    }

    private void send(String to, String subject, String text, String html, int attempt) {
        if (sender.isEmpty()) {
            log.info("No mail server configured (spring.mail.host): not sending \"{}\"", subject);
            return;
        }
        try {
            MimeMessage message = sender.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.get().send(message);
        } catch (MailException | MessagingException e) {
            if (attempt >= RETRY_SECONDS.length) {
                log.warn("Gave up sending \"{}\" after {} attempts: {}", subject, attempt + 1, e.toString());
                return;
            }
            log.info("Could not send \"{}\" (attempt {}), trying again: {}", subject, attempt + 1, e.toString());
            outgoing.schedule(
                    () -> send(to, subject, text, html, attempt + 1), RETRY_SECONDS[attempt], TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        outgoing.shutdownNow();
    }
}
