package com.bookstore.platform.transactions;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must only follow a committed change (a mail about it, an index entry of it): run once the current
 * transaction commits, never if it rolls back; at once when no transaction is running.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
