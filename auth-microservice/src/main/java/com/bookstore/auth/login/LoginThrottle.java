package com.bookstore.auth.login;

import com.bookstore.auth.AuthProperties;
import com.bookstore.platform.web.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. Per account: the first {@code freeFailures} failures cost nothing, each further
 * one doubles a forced wait (1 s, 2 s, 4 s…), and {@code lockAfterFailures} lock the account for
 * {@code lockDuration}. Per client address: {@code addressFailures} failures within the window block the address
 * for the rest of it. Unknown accounts are counted like real ones, so throttling reveals nothing. State lives on
 * the writer and is locked while decided, so instances agree and parallel guesses are all counted. Registrations
 * are counted per address the same way.
 */
@Service
public class LoginThrottle {

    private final ThrottleRepository entries;
    private final AuthProperties.Throttle rules;
    private final Clock clock;

    LoginThrottle(ThrottleRepository entries, AuthProperties properties, Clock clock) {
        this.entries = entries;
        this.rules = properties.throttle();
        this.clock = clock;
    }

    /** Refuses with 429 and Retry-After while the account or the address is blocked. */
    @Transactional
    public void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            Optional<Instant> blockedUntil = entries.blockedUntil(key).filter(until -> until.isAfter(now));
            if (blockedUntil.isPresent()) {
                throw new RateLimitedException(
                        "Too many failed sign-ins. Please wait before trying again.",
                        Duration.between(now, blockedUntil.get()));
            }
        }
    }

    @Transactional
    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        ThrottleEntry byAccount = lockOrCreate(accountKey(account), now);
        int accountFailures = byAccount.failures() + 1;
        Instant accountBlock = null;
        if (accountFailures >= rules.lockAfterFailures()) {
            accountBlock = now.plus(rules.lockDuration());
        } else if (accountFailures > rules.freeFailures()) {
            accountBlock = now.plusSeconds(1L << (accountFailures - rules.freeFailures() - 1));
        }
        byAccount.fail(accountBlock);
        entries.save(byAccount);

        countInWindow(lockOrCreate(addressKey(address), now), rules.addressFailures());
    }

    /**
     * Counts a registration attempt from a client address and refuses (429) once the address has made
     * {@code registrationsPerAddress} within the window: one address cannot mass-create accounts or probe which
     * e-mail addresses are taken.
     */
    @Transactional
    public void countRegistration(String address) {
        Instant now = clock.instant();
        ThrottleEntry entry = lockOrCreate("register:" + address, now);
        if (entry.blockedUntil() != null && entry.blockedUntil().isAfter(now)) {
            throw new RateLimitedException(
                    "Too many accounts registered from this address. Please try again later.",
                    Duration.between(now, entry.blockedUntil()));
        }
        countInWindow(entry, rules.registrationsPerAddress());
    }

    /**
     * Counts a request for a mailed link ({@code kind}: a password reset, an address confirmation), per account
     * (known or not: the answer must not tell) and per client address, refusing (429) once {@code resetsPerAccount}
     * or {@code resetsPerAddress} were made within the window: nobody can flood a mailbox with links or probe many
     * addresses.
     */
    @Transactional
    public void countLinkRequest(String kind, String account, String address) {
        Instant now = clock.instant();
        countOrRefuse(lockOrCreate(kind + ":" + accountKey(account), now), rules.resetsPerAccount(), now);
        countOrRefuse(lockOrCreate(kind + ":" + addressKey(address), now), rules.resetsPerAddress(), now);
    }

    private void countOrRefuse(ThrottleEntry entry, int limit, Instant now) {
        if (entry.blockedUntil() != null && entry.blockedUntil().isAfter(now)) {
            throw new RateLimitedException(
                    "Too many requests for a link. Please try again later.",
                    Duration.between(now, entry.blockedUntil()));
        }
        countInWindow(entry, limit);
    }

    /** Counts one more event in the entry's window, blocking the key for the rest of it once {@code limit} is reached. */
    private void countInWindow(ThrottleEntry entry, int limit) {
        entry.fail(entry.failures() + 1 >= limit ? entry.windowStartedAt().plus(rules.window()) : null);
        entries.save(entry);
    }

    @Transactional
    public void recordSuccess(String account) {
        entries.forget(accountKey(account));
    }

    private ThrottleEntry lockOrCreate(String key, Instant now) {
        entries.insertIfAbsent(key, now);
        ThrottleEntry entry = entries.lock(key).orElseThrow();
        boolean windowOver = entry.windowStartedAt().plus(rules.window()).isBefore(now);
        boolean blocked = entry.blockedUntil() != null && entry.blockedUntil().isAfter(now);
        if (windowOver && !blocked) {
            entry.restartWindow(now);
            entries.save(entry);
        }
        return entry;
    }

    static String accountKey(String email) {
        return "account:" + email;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }
}
