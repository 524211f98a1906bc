package com.bookstore.catalog.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The search index of this instance, the feed that keeps it fresh, and the hook that adds own changes at once. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    BookIndex bookIndex(MeterRegistry meters) {
        BookIndex index = new BookIndex();
        Gauge.builder("bookstore.search.index.books", index, BookIndex::size)
                .description("Books in this instance's search index")
                .register(meters);
        Gauge.builder("bookstore.search.index.bytes", index, BookIndex::bytes)
                .description("Size of this instance's search index on disk")
                .register(meters);
        return index;
    }

    @Bean
    SearchIndexFeed searchIndexFeed(
            BookIndex index,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Value("${bookstore.search.refresh-interval:1s}") Duration interval,
            @Value("${bookstore.search.sweep-interval:1m}") Duration sweepInterval) {
        return new SearchIndexFeed(index, jdbc, transactions, interval, sweepInterval);
    }

    @Bean
    SearchIndexUpdates searchIndexUpdates(BookIndex index, SearchIndexFeed feed) {
        return new SearchIndexUpdates(index, feed);
    }
}
