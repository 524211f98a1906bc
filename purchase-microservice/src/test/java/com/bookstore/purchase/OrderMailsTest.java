package com.bookstore.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.SmtpCatcher;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An order's e-mails through a real SMTP server (GreenMail): received, paid, shipped, delivered — or cancelled with
 * its refund — each once and in order, sent from the mail outbox after the change commits.
 */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.security.internal-token=" + CatalogForTests.INTERNAL_TOKEN,
            "bookstore.purchase.outbox-interval=300ms",
            "bookstore.purchase.mail-interval=300ms",
            "bookstore.purchase.carrier-step=1h",
            "bookstore.site-url=https://shop.test"
        })
class OrderMailsTest {

    private static final AtomicLong USERS = new AtomicLong(40_000);

    @RegisterExtension
    static final SmtpCatcher MAIL = SmtpCatcher.onFreePort();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CatalogForTests.configure(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.port());
    }

    @LocalServerPort
    int port;

    private static final String STAFF = "Bearer " + CatalogForTests.TOKENS.admin(1);

    @Autowired
    JdbcTemplate jdbc;

    private Http http;
    private Shop shop;

    @BeforeEach
    void client() {
        http = new Http(port);
        shop = new Shop(http);
    }

    @Test
    void aDeliveredOrderSendsItsFourEmailsOnceAndInOrder() throws Exception {
        long user = USERS.incrementAndGet();
        String customer = "Bearer " + CatalogForTests.TOKENS.customer(user);
        String id = shop.placeOrder(customer, "Mail Test", "7.45", 2);
        assertThat(shop.pay(customer, id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.post("/api/admin/orders/" + id + "/ship", null, "Authorization", STAFF)
                                .status()
                        == 200);
        assertThat(http.post("/api/admin/orders/" + id + "/deliver", null, "Authorization", STAFF)
                        .status())
                .isEqualTo(200);

        List<MimeMessage> mails = awaitMails(user, 4);
        assertThat(subjects(mails))
                .containsExactly(
                        "We have your order " + number(id),
                        "Your order " + number(id) + " is paid",
                        "Your order " + number(id) + " is on its way",
                        "Your order " + number(id) + " was delivered");
        String received = SmtpCatcher.text(mails.get(0));
        assertThat(received).contains("Mail Test", "19.80", "https://shop.test/orders/" + id);
        assertThat(SmtpCatcher.text(mails.get(2))).contains("Parcelway", "tracking number PW");
        assertThat(mails.get(1).getMessageID()).isEqualTo("<" + id + ".paid@bookstore>");
        Thread.sleep(1_500);
        assertThat(mailsTo(user)).as("nothing sent twice").hasSize(4);
    }

    @Test
    void aCancelledOrderSaysWhetherItsPaymentIsRefunded() {
        long user = USERS.incrementAndGet();
        String customer = "Bearer " + CatalogForTests.TOKENS.customer(user);
        String paid = shop.placeOrder(customer, "Mail Test", "7.45", 2);
        assertThat(shop.pay(customer, paid).status()).isEqualTo(200);
        assertThat(http.post("/api/orders/" + paid + "/cancel", null, "Authorization", customer)
                        .status())
                .isEqualTo(200);
        String unpaid = shop.placeOrder(customer, "Mail Test", "7.45", 2);
        assertThat(http.post("/api/orders/" + unpaid + "/cancel", null, "Authorization", customer)
                        .status())
                .isEqualTo(200);

        List<MimeMessage> mails = awaitMails(user, 5);
        assertThat(subjects(mails))
                .containsExactlyInAnyOrder(
                        "We have your order " + number(paid),
                        "Your order " + number(paid) + " is paid",
                        "Your order " + number(paid) + " is cancelled",
                        "We have your order " + number(unpaid),
                        "Your order " + number(unpaid) + " is cancelled");
        assertThat(body(mails, "Your order " + number(paid) + " is cancelled")).contains("is refunded", "4242");
        assertThat(body(mails, "Your order " + number(unpaid) + " is cancelled"))
                .contains("Nothing was charged");
    }

    @Test
    void aMailServerThatIsDownNeverFailsTheOrderAndItsMailFollowsWhenItIsBack() {
        long user = USERS.incrementAndGet();
        String customer = "Bearer " + CatalogForTests.TOKENS.customer(user);
        MAIL.stop();
        String id;
        try {
            id = shop.placeOrder(customer, "Mail Test", "7.45", 2);
        } finally {
            MAIL.start();
        }
        assertThat(subjects(awaitMails(user, 1))).first().isEqualTo("We have your order " + number(id));
    }

    @Test
    void anEMailNotSentForADayIsGivenUpAndTheOrdersLaterOnesGoOn() {
        long user = USERS.incrementAndGet();
        String customer = "Bearer " + CatalogForTests.TOKENS.customer(user);
        MAIL.stop();
        String id;
        try {
            id = shop.placeOrder(customer, "Mail Test", "7.45", 2);
            // The order's first e-mail, refused ever since it was owed two days ago.
            jdbc.update(
                    "UPDATE mail_outbox SET created_at = created_at - INTERVAL 2 DAY WHERE order_id = ?"
                            + " AND kind = 'RECEIVED'",
                    id);
            assertThat(shop.pay(customer, id).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM mail_outbox WHERE order_id = ? AND kind = 'RECEIVED'"
                                            + " AND given_up_at IS NOT NULL AND sent_at IS NULL",
                                    Integer.class,
                                    id)
                            == 1);
        } finally {
            MAIL.start();
        }
        assertThat(subjects(awaitMails(user, 1)))
                .as("the paid e-mail is no longer held back by the one given up")
                .containsExactly("Your order " + number(id) + " is paid");
    }

    private static List<MimeMessage> awaitMails(long user, int count) {
        await().atMost(Duration.ofSeconds(40)).until(() -> mailsTo(user).size() >= count);
        return mailsTo(user);
    }

    private static List<MimeMessage> mailsTo(long user) {
        return MAIL.to("reader-" + user + "@example.com");
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails.stream().map(SmtpCatcher::subject).toList();
    }

    private static String body(List<MimeMessage> mails, String subject) {
        return mails.stream()
                .filter(mail -> SmtpCatcher.subject(mail).equals(subject))
                .map(SmtpCatcher::text)
                .findFirst()
                .orElseThrow();
    }

    private static String number(String id) {
        return id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
