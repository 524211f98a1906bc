package com.bookstore.platform.datasource;

import com.bookstore.platform.web.DatabaseUnavailable;
import com.bookstore.platform.web.WriterUnavailableException;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-only transaction whose server died under it (its replica killed mid-read) runs once more, from the
 * start, on another reader or the writer (the router skips the dead one). Only a whole read-only transaction that
 * is not part of an outer one is run again, before its caller has written any of the answer: never inside a
 * read-write transaction, and never one that wrote (a REQUIRES_NEW write inside it took a writer connection). Ordered just outside the transaction advice, so each attempt is a transaction
 * of its own.
 */
final class ReadOnlyRetry implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyRetry.class);

    private final ObjectProvider<RoutingMetrics> metrics;

    private ReadOnlyRetry(ObjectProvider<RoutingMetrics> metrics) {
        this.metrics = metrics;
    }

    /** The advisor: read-only {@code @Transactional} methods, just outside the transaction advice. */
    static DefaultPointcutAdvisor advisor(ObjectProvider<RoutingMetrics> metrics) {
        TransactionAttributeSource attributes = new AnnotationTransactionAttributeSource();
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new StaticMethodMatcherPointcut() {
                    @Override
                    public boolean matches(Method method, Class<?> targetClass) {
                        TransactionAttribute attribute = attributes.getTransactionAttribute(method, targetClass);
                        return attribute != null && attribute.isReadOnly();
                    }
                },
                new ReadOnlyRetry(metrics));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return advisor;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed(); // part of an outer transaction: its owner decides
        }
        MethodInvocation again = proxied.invocableClone();
        WriterDataSource.TOOK_WRITER.remove();
        try {
            return invocation.proceed();
        } catch (Throwable first) {
            boolean wrote = WriterDataSource.TOOK_WRITER.get() != null;
            if (wrote || !DatabaseUnavailable.isCause(first) || WriterUnavailableException.isCause(first)) {
                throw first;
            }
            log.warn(
                    "{}.{}: its database server went away mid-read ({}); running it again on another",
                    AopUtils.getTargetClass(invocation.getThis()).getSimpleName(),
                    invocation.getMethod().getName(),
                    first.toString());
            RoutingMetrics counted = metrics.getIfAvailable();
            if (counted != null) {
                counted.routed(RoutingMetrics.Route.READ_RETRIED);
            }
            return again.proceed();
        } finally {
            WriterDataSource.TOOK_WRITER.remove();
        }
    }
}
