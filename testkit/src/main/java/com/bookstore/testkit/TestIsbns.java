package com.bookstore.testkit;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh, valid ISBN-13s for books made by tests and benchmarks (979 prefix, computed check digit, never repeated). */
public final class TestIsbns {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    private TestIsbns() {}

    public static String next() {
        String twelve = "979" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
        return twelve + checkDigit(twelve);
    }

    public static boolean valid(String isbn) {
        return isbn.matches("\\d{13}") && checkDigit(isbn.substring(0, 12)) == isbn.charAt(12) - '0';
    }

    private static int checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }
}
