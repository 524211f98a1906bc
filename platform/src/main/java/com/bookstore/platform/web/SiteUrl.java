package com.bookstore.platform.web;

/** The shop's public address ({@code bookstore.site-url}), as the base of the links its e-mails carry. */
public final class SiteUrl {

    private SiteUrl() {}

    /** The configured address without a trailing slash, so that {@code base + "/orders/…"} is one slash. */
    public static String base(String configured) {
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
}
