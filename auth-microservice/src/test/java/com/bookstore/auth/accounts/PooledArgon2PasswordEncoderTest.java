package com.bookstore.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PooledArgon2PasswordEncoderTest {

    private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(16, 32, 1, 19456, 2, 1);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

    @Test
    void checksSpringSecuritysHashesAndSpringChecksItsOwn() {
        String ours = pooled.encode("reading-is-fun-2026");
        String theirs = spring.encode("reading-is-fun-2026");

        assertThat(ours).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(spring.matches("reading-is-fun-2026", ours)).isTrue();
        assertThat(pooled.matches("reading-is-fun-2026", theirs)).isTrue();
        assertThat(pooled.matches("reading-is-fun-2026", ours)).isTrue();
        assertThat(pooled.matches("Reading-is-fun-2026", ours)).isFalse();
        assertThat(pooled.matches("Ünïcödé-pässwörd ✓", spring.encode("Ünïcödé-pässwörd ✓")))
                .isTrue();
    }

    @Test
    void refusesMalformedHashesWithoutThrowing() {
        assertThat(pooled.matches("x", null)).isFalse();
        assertThat(pooled.matches("x", "")).isFalse();
        assertThat(pooled.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$not base64!$AAAA"))
                .isFalse();
        assertThat(pooled.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }

    @Test
    void weakerStoredParametersAreUpgraded() {
        assertThat(pooled.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 4096, 3).encode("x")))
                .isTrue();
        assertThat(pooled.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 19456, 1).encode("x")))
                .isTrue();
        assertThat(pooled.upgradeEncoding(pooled.encode("x"))).isFalse();
    }

    /** The point of the pool: a hash after the first allocates almost nothing (Spring's allocates its 19 MiB). */
    @Test
    void aHashReusesTheMemoryOfThePreviousOne() {
        pooled.encode("warm-up"); // fills the pool
        spring.encode("warm-up");

        long ours = allocatedBy(() -> pooled.encode("reading-is-fun-2026"));
        long theirs = allocatedBy(() -> spring.encode("reading-is-fun-2026"));

        assertThat(theirs).isGreaterThan(19L << 20);
        assertThat(ours).isLessThan(1L << 20);
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
