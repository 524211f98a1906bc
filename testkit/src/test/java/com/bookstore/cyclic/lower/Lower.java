package com.bookstore.cyclic.lower;

/** A fixture of {@code ArchitectureRulesTest}: the lower package, without and with a back-import. */
public final class Lower {

    public static int depth() {
        return 0;
    }
}
