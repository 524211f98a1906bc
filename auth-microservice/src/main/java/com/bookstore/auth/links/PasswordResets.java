package com.bookstore.auth.links;

import com.bookstore.auth.accounts.PasswordHashing;
import com.bookstore.auth.accounts.PasswordPolicy;
import com.bookstore.auth.accounts.UserAccounts;
import com.bookstore.auth.accounts.UserView;
import com.bookstore.auth.mail.AccountMail;
import com.bookstore.auth.tokens.RefreshTokens;
import com.bookstore.platform.web.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting a new password through a mailed link. The link carries 256 random bits, of which only the SHA-256 is
 * stored; it works once, for 30 minutes. Asking never tells whether an account exists (the API answers 202 either
 * way; the caller throttles per client address and per account, known or not). A new password spends every other
 * link of the account and ends all its sessions, on every service: its refresh token families are revoked, and
 * with them, through the revocation feed, the access tokens of those sessions. All of it runs on the writer.
 */
@Service
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofMinutes(30);
    private static final String INVALID =
            "This link does not work any more: it was used already, or it is more than 30 minutes old. Ask for a"
                    + " new one.";

    private final MailedLinks links;
    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final RefreshTokens sessions;
    private final AccountMail mail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PasswordResets(
            JdbcClient jdbc,
            UserAccounts accounts,
            PasswordPolicy policy,
            PasswordHashing hashing,
            RefreshTokens sessions,
            AccountMail mail,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.links = new MailedLinks(jdbc, "password_resets");
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.sessions = sessions;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Mails a link to the account with this address, if there is one; says nothing either way. */
    public void request(String email) {
        transaction.executeWithoutResult(status ->
                accounts.credentials(email).map(UserAccounts.Credentials::user).ifPresent(this::mailLink));
    }

    private void mailLink(UserView user) {
        String token = links.issue(user.id(), clock.instant(), VALIDITY);
        mail.passwordReset(user.email(), user.displayName(), token, VALIDITY);
    }

    /**
     * Sets the new password of the link's account (the same rules as at registration), spends its links and ends
     * its sessions. A link that is unknown, used or expired is a 400 on the {@code token} field.
     */
    public void confirm(String token, String newPassword) {
        if (!MailedLinks.wellFormed(token)) { // refused before the new password's Argon2id hash
            throw new InvalidFieldException("token", INVALID);
        }
        policy.check(newPassword);
        String newHash = hashing.hash(newPassword); // Argon2id takes a while: not inside the transaction
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            long userId = links.claim(token, now).orElseThrow(() -> new InvalidFieldException("token", INVALID));
            links.spendAll(userId, now);
            accounts.replaceHash(userId, newHash);
            sessions.revokeAllOf(userId);
        });
    }
}
