package com.bookstore.cyclic.lower;

import com.bookstore.cyclic.upper.Upper;

/** A fixture of {@code ArchitectureRulesTest}: a deliberate back-import that closes a cycle. */
public final class BackImport {

    public static int upward() {
        return Upper.depth();
    }
}
