package com.bookstore.testkit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the tests (GreenMail), one per test class, on a port of its own that stays the same when the
 * server is stopped and started again (a mail server outage); and what it received, by recipient.
 *
 * <pre>{@code @RegisterExtension static final SmtpCatcher MAIL = SmtpCatcher.onFreePort();}</pre>
 */
public final class SmtpCatcher extends GreenMailExtension {

    private final int port;

    private SmtpCatcher(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.port = port;
        withPerMethodLifecycle(false);
    }

    public static SmtpCatcher onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new SmtpCatcher(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The mails received for an address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The plain-text part of a mail, decoded (quoted-printable or base64 as it travelled). */
    public static String text(MimeMessage mail) {
        try {
            return text((Part) mail);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
