package com.bookstore.auth.accounts;

import com.bookstore.auth.AuthProperties;
import com.bookstore.platform.web.TemporarilyUnavailableException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's parameters (m=19 MiB, t=2, p=1) behind a {@link DelegatingPasswordEncoder}, so a hash made
 * with older parameters is recognised and upgraded at the next login. At most a few hashes run at once (each
 * takes ~19 MiB and tens of milliseconds of CPU), so a burst of logins cannot starve every other request; their
 * memory is reused from one hash to the next ({@link PooledArgon2PasswordEncoder}).
 */
@Component
public class PasswordHashing {

    static final String ENCODER_ID = "argon2";

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    private final String dummyHash;

    PasswordHashing(AuthProperties properties) {
        int hashesAtOnce = properties.throttle().hashPermits();
        PooledArgon2PasswordEncoder argon2 = new PooledArgon2PasswordEncoder(16, 32, 1, 19456, 2, hashesAtOnce);
        this.encoder = new DelegatingPasswordEncoder(ENCODER_ID, Map.of(ENCODER_ID, argon2));
        this.permits = new Semaphore(hashesAtOnce, true);
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    public String hash(String rawPassword) {
        return limited(() -> encoder.encode(rawPassword));
    }

    public boolean matches(String rawPassword, String hash) {
        return limited(() -> encoder.matches(rawPassword, hash));
    }

    /** Same work as a real check, for an unknown account, so both take the same time. */
    public void matchNobody(String rawPassword) {
        limited(() -> encoder.matches(rawPassword, dummyHash));
    }

    public boolean needsUpgrade(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T limited(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new TemporarilyUnavailableException("Too many sign-ins at once; please try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporarilyUnavailableException("Interrupted while waiting to check the password.");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
