package com.bookstore.auth.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account storage. Every method runs on the writer: these answers decide logins and registrations, including a
 * login right after registering, when the replicas may not have the account yet. Showing who is signed in is
 * {@link SignedInAccounts}'.
 */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final ApplicationEventPublisher events;

    UserAccounts(UserRepository users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    @Transactional
    public UserView create(String email, String displayName, String passwordHash, Set<Role> roles) {
        String normalized = EmailAddresses.normalize(email);
        if (users.existsByEmail(normalized)) {
            throw new EmailTakenException();
        }
        try {
            String name = displayName.trim();
            long id = users.insert(normalized, name, passwordHash, roles);
            UserView opened = UserView.of(new User(id, normalized, name, passwordHash, roles, null));
            events.publishEvent(new AccountOpened(opened));
            return opened;
        } catch (DataIntegrityViolationException raceLostToAnotherRegistration) {
            throw new EmailTakenException();
        }
    }

    @Transactional
    public Optional<Credentials> credentials(String email) {
        return users.findByEmail(EmailAddresses.normalize(email))
                .map(user -> new Credentials(UserView.of(user), user.passwordHash()));
    }

    @Transactional
    public Optional<UserView> find(long id) {
        return users.findById(id).map(UserView::of);
    }

    @Transactional
    public void replaceHash(long id, String newHash) {
        users.replacePasswordHash(id, newHash);
    }

    /** Marks the account's address confirmed (a confirmation link was opened); once is enough. */
    @Transactional
    public void confirmEmail(long id, Instant at) {
        users.confirmEmail(id, at);
    }

    @Transactional
    public boolean anyAdmin() {
        return users.anyWithRole(Role.ADMIN);
    }

    @Transactional
    public boolean exists(String email) {
        return users.existsByEmail(EmailAddresses.normalize(email));
    }

    /** An account and its stored hash, for checking a password. */
    public record Credentials(UserView user, String passwordHash) {}
}
