package com.bookstore.catalog.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a reader writes an author's name: as printed ({@code J. R. R. Tolkien}, which the analyzers read as
 * {@code j r r tolkien}) and with the initials run together ({@code JRR Tolkien}). Accents need no variant: the
 * analyzers fold them.
 */
final class AuthorNames {

    private AuthorNames() {}

    static List<String> variants(String author) {
        List<String> names = SearchAnalyzers.terms(SearchAnalyzers.PLAIN, author);
        List<String> joined = new ArrayList<>();
        StringBuilder initials = new StringBuilder();
        for (String name : names) {
            if (name.length() == 1) {
                initials.append(name);
                continue;
            }
            if (!initials.isEmpty()) {
                joined.add(initials.toString());
                initials.setLength(0);
            }
            joined.add(name);
        }
        if (!initials.isEmpty()) {
            joined.add(initials.toString());
        }
        String together = String.join(" ", joined);
        return together.equals(String.join(" ", names)) ? List.of(author) : List.of(author, together);
    }

    /** Whether one of the author's names (either way written) begins with one of the words typed. */
    static boolean beginWithATypedWord(String author, List<String> typed) {
        List<String> names = SearchAnalyzers.terms(SearchAnalyzers.PLAIN, author);
        for (String variant : variants(author)) {
            names.addAll(SearchAnalyzers.terms(SearchAnalyzers.PLAIN, variant));
        }
        return typed.stream()
                .anyMatch(word -> word.length() >= 2 && names.stream().anyMatch(name -> name.startsWith(word)));
    }
}
