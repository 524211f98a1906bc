package com.bookstore.auth.config;

import com.bookstore.auth.AuthProperties;
import com.bookstore.auth.accounts.EmailTakenException;
import com.bookstore.auth.accounts.Registration;
import com.bookstore.auth.accounts.Role;
import com.bookstore.auth.accounts.UserAccounts;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Accounts that must exist before anyone can register: the first administrator (from configuration, when no
 * administrator exists yet) and, in the local stack only, the demo accounts.
 */
@Component
class InitialAccounts implements ApplicationRunner {

    static final String DEMO_CUSTOMER = "customer@bookstore.test";
    static final String DEMO_ADMIN = "admin@bookstore.test";
    static final String DEMO_CUSTOMER_PASSWORD = "reading-is-fun-2026";
    static final String DEMO_ADMIN_PASSWORD = "staff-only-bookstore-2026";

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    private final AuthProperties properties;
    private final Registration registration;
    private final UserAccounts accounts;

    InitialAccounts(AuthProperties properties, Registration registration, UserAccounts accounts) {
        this.properties = properties;
        this.registration = registration;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuthProperties.InitialAdmin admin = properties.initialAdmin();
        if (admin != null && admin.email() != null && admin.password() != null && !accounts.anyAdmin()) {
            ensure(admin.email(), admin.password(), admin.displayName(), Set.of(Role.ADMIN, Role.CUSTOMER));
        }
        if (properties.demoAccounts()) {
            ensure(DEMO_CUSTOMER, DEMO_CUSTOMER_PASSWORD, "Demo Customer", Set.of(Role.CUSTOMER));
            ensure(DEMO_ADMIN, DEMO_ADMIN_PASSWORD, "Demo Staff", Set.of(Role.ADMIN, Role.CUSTOMER));
        }
    }

    /** Creates the account unless it exists; another instance starting at the same moment may win the race. */
    private void ensure(String email, String password, String name, Set<Role> roles) {
        if (accounts.exists(email)) {
            return;
        }
        try {
            registration.open(email, password, name, roles);
            log.info("Created account {}", email);
        } catch (EmailTakenException createdByAnotherInstance) {
            log.info("Account {} was created by another instance", email);
        }
    }
}
