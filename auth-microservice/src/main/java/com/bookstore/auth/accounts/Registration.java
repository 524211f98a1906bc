package com.bookstore.auth.accounts;

import java.util.Set;
import org.springframework.stereotype.Service;

/** Opens customer accounts: checks the password rules, hashes outside any transaction, then stores. */
@Service
public class Registration {

    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final UserAccounts accounts;

    Registration(PasswordPolicy policy, PasswordHashing hashing, UserAccounts accounts) {
        this.policy = policy;
        this.hashing = hashing;
        this.accounts = accounts;
    }

    public UserView register(String email, String password, String displayName) {
        return open(email, password, displayName, Set.of(Role.CUSTOMER));
    }

    public UserView open(String email, String password, String displayName, Set<Role> roles) {
        policy.check(password);
        if (accounts.exists(email)) {
            throw new EmailTakenException();
        }
        return accounts.create(email, displayName, hashing.hash(password), roles);
    }
}
