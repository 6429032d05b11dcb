package org.yuxun.shared.session;

import java.util.function.Supplier;

import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session JDBC's transactions: writes in a transaction (a new session is a row and its attributes), but the
 * read of a session — one {@code SELECT} joining its attributes — without one, saving the {@code BEGIN} and
 * {@code COMMIT} round trips on every request.
 */
final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final TransactionOperations transactional;

    SessionTransactions(TransactionOperations transactional) {
        this.transactional = transactional;
    }

    /** Runs a read of the session store; what it asks for runs without a transaction. */
    <T> T reading(Supplier<T> read) {
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (READING.get() != null) {
            return action.doInTransaction(new SimpleTransactionStatus(false));
        }
        return transactional.execute(action);
    }
}
