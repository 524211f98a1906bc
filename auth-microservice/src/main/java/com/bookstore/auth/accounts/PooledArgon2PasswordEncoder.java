package com.bookstore.auth.accounts;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id as Spring Security's {@code Argon2PasswordEncoder} does it (Bouncy Castle's generator, the same PHC
 * string {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, so either checks the other's hashes), but with its memory
 * blocks reused from a pool instead of allocated for every hash. Each hash needs {@code m} KiB of 1 KiB blocks
 * (19 MiB at OWASP's parameters); allocated afresh they were ~20 MB of garbage per sign-in that outlived a young
 * collection, was promoted and grew the auth service's old generation to its cap under a burst of sign-ins
 * (351 MB resident after benchmarks/auth-login.sh). The pool holds the blocks of the hashes allowed at once
 * ({@link PasswordHashing}'s permits); a hash beyond them would allocate its own.
 */
final class PooledArgon2PasswordEncoder implements PasswordEncoder {

    private static final Pattern PHC =
            Pattern.compile("\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final int saltLength;
    private final int hashLength;
    private final int parallelism;
    private final int memoryKiB;
    private final int iterations;
    private final Argon2BytesGenerator.BlockPool pool;
    private final SecureRandom random = new SecureRandom();

    PooledArgon2PasswordEncoder(
            int saltLength, int hashLength, int parallelism, int memoryKiB, int iterations, int pooledHashes) {
        this.saltLength = saltLength;
        this.hashLength = hashLength;
        this.parallelism = parallelism;
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.pool = new Argon2BytesGenerator.FixedBlockPool(
                pooledHashes * Argon2BytesGenerator.getBlockCount(memoryKiB, parallelism));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withParallelism(parallelism)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withBlockPool(pool)
                .build();
        return "$argon2id$v=" + Argon2Parameters.ARGON2_VERSION_13 + "$m=" + memoryKiB + ",t=" + iterations + ",p="
                + parallelism + "$" + BASE64.encodeToString(salt) + "$"
                + BASE64.encodeToString(hash(rawPassword, parameters, hashLength));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        Matcher stored = encodedPassword == null ? null : PHC.matcher(encodedPassword);
        if (stored == null || !stored.matches()) {
            return false;
        }
        try {
            byte[] expected = BASE64_DECODER.decode(stored.group(7));
            Argon2Parameters parameters = new Argon2Parameters.Builder(type(stored.group(1)))
                    .withVersion(
                            stored.group(2) == null
                                    ? Argon2Parameters.ARGON2_VERSION_10
                                    : Integer.parseInt(stored.group(2)))
                    .withSalt(BASE64_DECODER.decode(stored.group(6)))
                    .withMemoryAsKB(Integer.parseInt(stored.group(3)))
                    .withIterations(Integer.parseInt(stored.group(4)))
                    .withParallelism(Integer.parseInt(stored.group(5)))
                    .withBlockPool(pool)
                    .build();
            return MessageDigest.isEqual(expected, hash(rawPassword, parameters, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A stored hash made with less memory or fewer passes than today's is replaced at the next sign-in. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        Matcher stored = encodedPassword == null ? null : PHC.matcher(encodedPassword);
        return stored != null
                && stored.matches()
                && (Integer.parseInt(stored.group(3)) < memoryKiB || Integer.parseInt(stored.group(4)) < iterations);
    }

    private static byte[] hash(CharSequence rawPassword, Argon2Parameters parameters, int length) {
        byte[] hash = new byte[length];
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        generator.generateBytes(rawPassword.toString().toCharArray(), hash); // UTF-8, as Spring's encoder
        return hash;
    }

    private static int type(String name) {
        return switch (name) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
    }
}
