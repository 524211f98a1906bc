package com.bookstore.auth.links;

import com.bookstore.auth.accounts.AccountOpened;
import com.bookstore.auth.accounts.UserAccounts;
import com.bookstore.auth.accounts.UserView;
import com.bookstore.auth.mail.AccountMail;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.StateConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirming an account's address: a link (single use, 7 days) mailed when the account opens, and again on request
 * from the account page; opening it marks the address confirmed. Nothing in the shop waits for it: the account
 * works at once, and the account page and {@code /api/auth/me} say whether it is confirmed.
 */
@Service
public class AddressConfirmations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final String INVALID = "This confirmation link does not work any more: it was used already, or it"
            + " is more than 7 days old. Sign in and ask for a new one on your account page.";

    private final MailedLinks links;
    private final UserAccounts accounts;
    private final AccountMail mail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AddressConfirmations(
            JdbcClient jdbc,
            UserAccounts accounts,
            AccountMail mail,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.links = new MailedLinks(jdbc, "email_confirmations");
        this.accounts = accounts;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** In the transaction that opens the account: its link leaves when that commits. */
    @EventListener
    void opened(AccountOpened event) {
        mailLink(event.account());
    }

    /** A new link for a signed-in account whose address is not confirmed yet (409 when it is). */
    public void resend(long userId) {
        transaction.executeWithoutResult(status -> {
            UserView account = accounts.find(userId)
                    .orElseThrow(() -> new StateConflictException("This account no longer exists."));
            if (account.emailConfirmed()) {
                throw new StateConflictException("This address is confirmed already.");
            }
            mailLink(account);
        });
    }

    /** Confirms the link's address; an unknown, used or expired link is a 400 on the {@code token} field. */
    public void confirm(String token) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            long userId = links.claim(token, now).orElseThrow(() -> new InvalidFieldException("token", INVALID));
            links.spendAll(userId, now);
            accounts.confirmEmail(userId, now);
        });
    }

    private void mailLink(UserView account) {
        String token = links.issue(account.id(), clock.instant(), VALIDITY);
        mail.addressConfirmation(account.email(), account.displayName(), token, VALIDITY);
    }
}
