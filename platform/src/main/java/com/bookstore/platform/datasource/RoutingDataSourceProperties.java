package com.bookstore.platform.datasource;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the writer and the readers are, and the bounds the routing keeps: a reader lagging more than
 * {@code maxReplicaLag} is skipped, a read carrying a consistency token waits at most {@code gtidWaitTimeout} on a
 * replica before going to the writer, and no connection attempt waits longer than {@code connectTimeout}. A write
 * waits at most {@code writerWaitTimeout} for a writer connection (all busy, or the writer unreachable) before it is
 * answered 503.
 */
@Validated
@ConfigurationProperties("bookstore.datasource")
public record RoutingDataSourceProperties(
        @NotNull(message = "set bookstore.datasource.writer.url, .username and .password") @Valid
        Endpoint writer,

        @DefaultValue List<@Valid Endpoint> readers,
        @DefaultValue("5s") @NotNull Duration maxReplicaLag,
        @DefaultValue("1s") @NotNull Duration probeInterval,
        @DefaultValue("500ms") @NotNull Duration gtidWaitTimeout,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration writerWaitTimeout,
        @DefaultValue("10") @Positive int writerPoolSize,
        @DefaultValue("10") @Positive int readerPoolSize) {

    /** One database endpoint and the account used on it. */
    public record Endpoint(
            @NotBlank(message = "a JDBC URL is required (jdbc:mariadb://… or jdbc:mysql://…)")
            String url,

            @NotBlank(message = "a database user is required")
            String username,

            String password) {

        @Override
        public String toString() {
            return username + "@" + url;
        }
    }
}
