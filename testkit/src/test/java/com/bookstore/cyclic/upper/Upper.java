package com.bookstore.cyclic.upper;

import com.bookstore.cyclic.lower.Lower;

/** A fixture of {@code ArchitectureRulesTest}: the upper package uses the lower one, as it may. */
public final class Upper {

    public static int depth() {
        return Lower.depth() + 1;
    }
}
