package com.bookstore.platform.datasource;

import com.bookstore.platform.consistency.ConsistencyTokenFilter;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Read/write routing for every service: the writer pool (also used by Flyway), the readers behind their router,
 * the consistency-token filter, health, metrics, and a guard: a read-write transaction may not join a read-only one.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@EnableConfigurationProperties(RoutingDataSourceProperties.class)
public class RoutingDataSourceAutoConfiguration {

    @Bean
    ReplicationDialect replicationDialect(RoutingDataSourceProperties properties) {
        return ReplicationDialect.forJdbcUrl(properties.writer().url());
    }

    @Bean
    RoutingMetrics routingMetrics(ObjectProvider<MeterRegistry> registry) {
        return new RoutingMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(destroyMethod = "close", defaultCandidate = false)
    @FlywayDataSource
    HikariDataSource writerDataSource(RoutingDataSourceProperties properties, RoutingMetrics metrics) {
        return ReadWriteRouting.pool(
                "writer", properties.writer(), properties.writerPoolSize(), properties, metrics, true);
    }

    @Bean(destroyMethod = "close")
    ReadWriteRouting readWriteRouting(
            RoutingDataSourceProperties properties,
            @FlywayDataSource HikariDataSource writerDataSource,
            ReplicationDialect dialect,
            RoutingMetrics metrics) {
        return new ReadWriteRouting(properties, writerDataSource, dialect, metrics);
    }

    @Bean
    @Primary
    DataSource dataSource(ReadWriteRouting routing) {
        return routing.dataSource();
    }

    @Bean
    FilterRegistrationBean<ConsistencyTokenFilter> consistencyTokenFilter(ReplicationDialect dialect) {
        FilterRegistrationBean<ConsistencyTokenFilter> registration =
                new FilterRegistrationBean<>(new ConsistencyTokenFilter(dialect::isWellFormed));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A read-write transaction joining a read-only one would run on a replica and fail there, or worse, write
     * through a connection the routing believes is read-only. It is refused with IllegalTransactionStateException;
     * code that must write from inside a read uses REQUIRES_NEW, which runs on the writer.
     */
    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> refuseWritesJoiningReadOnlyTransactions() {
        return transactionManager -> transactionManager.setValidateExistingTransaction(true);
    }

    /** A read-only transaction whose reader died under it runs once more elsewhere ({@link ReadOnlyRetry}). */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor readOnlyRetryAdvisor(ObjectProvider<RoutingMetrics> metrics) {
        return ReadOnlyRetry.advisor(metrics);
    }

    @Bean
    HealthIndicator routingDataSourceHealthIndicator(ReadWriteRouting routing) {
        return new RoutingHealthIndicator(routing);
    }
}
