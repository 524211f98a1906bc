package com.bookstore.auth.accounts;

import com.bookstore.platform.web.InvalidFieldException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * OWASP's rules for passwords: 12 to 128 characters, no composition rules, and not one of the 30,000 most common
 * passwords (the zxcvbn list shipped in {@code security/common-passwords.txt}).
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    public void check(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidFieldException("password", "Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidFieldException("password", "Use at most " + MAX_LENGTH + " characters.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(
                    "password", "This password is one of the most common ones; choose another.");
        }
    }

    private static Set<String> load(String path) {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The common-password list is missing from the service", e);
        }
        return Set.copyOf(passwords);
    }
}
