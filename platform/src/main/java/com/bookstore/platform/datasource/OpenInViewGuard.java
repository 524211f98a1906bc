package com.bookstore.platform.datasource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;

/**
 * Refuses to start with open-in-view: an EntityManager opened for the whole request fetches its connection outside
 * any transaction, so reads would skip the routing and run on the writer, and lazy loading would hide in views.
 */
final class OpenInViewGuard implements SmartInitializingSingleton {

    private final Environment environment;
    private final ListableBeanFactory beans;

    OpenInViewGuard(Environment environment, ListableBeanFactory beans) {
        this.environment = environment;
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean enabled = environment.getProperty("spring.jpa.open-in-view", Boolean.class, true);
        boolean registered = beans.getBeanNamesForType(OpenEntityManagerInViewInterceptor.class).length > 0
                || beans.getBeanNamesForType(OpenEntityManagerInViewFilter.class).length > 0;
        if (enabled || registered) {
            throw new IllegalStateException("Open-in-view is not allowed: set spring.jpa.open-in-view=false and "
                    + "register no OpenEntityManagerInView filter or interceptor (read/write routing needs every "
                    + "connection to be fetched inside a transaction).");
        }
    }
}
