package com.bookstore.auth.accounts;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in account, to show it ({@code /api/auth/me}, the account page): read on a replica, so it is there
 * while the writer is away; an account the replicas do not have yet (made a moment ago and asked for without its
 * consistency token) is looked up on the writer.
 */
@Service
public class SignedInAccounts {

    private final UserRepository users;
    private final UserAccounts accounts;
    private final TransactionTemplate readOnly;

    SignedInAccounts(UserRepository users, UserAccounts accounts, PlatformTransactionManager transactions) {
        this.users = users;
        this.accounts = accounts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<UserView> show(long id) {
        Optional<UserView> onReplica =
                readOnly.execute(status -> users.findById(id).map(UserView::of));
        return onReplica != null && onReplica.isPresent() ? onReplica : accounts.find(id);
    }
}
