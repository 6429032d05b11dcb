package org.yuxun.identity.internal;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's browser sessions (kept in PostgreSQL by Spring Session) when what they were signed in with no
 * longer holds: the account was disabled, or someone else set a new password. The sessions end once the change
 * has committed, so a change that rolls back leaves them alone.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user. */
    public void endAll(String username) {
        endAllBut(username, null);
    }

    /** Ends every session of the user except the one with this id (the session the user is using right now). */
    public void endAllBut(String username, String keptSessionId) {
        Runnable end = () -> sessions.ifAvailable(repository -> {
            Set<String> ids = repository.findByPrincipalName(username).keySet();
            ids.stream().filter(id -> !id.equals(keptSessionId)).forEach(repository::deleteById);
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }
}
