package org.yuxun.identity.internal;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.YuxunProperties;

/** Locks an account after repeated failed sign-ins, so passwords cannot be guessed online. */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final YuxunProperties.Security settings;
    private final AuditLog audit;

    LoginAttempts(UserAccounts accounts, YuxunProperties properties, AuditLog audit) {
        this.accounts = accounts;
        this.settings = properties.security();
        this.audit = audit;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        DataScope.asSystem(() -> {
            accounts.recordFailure(username, settings.maxFailedLogins(), Instant.now().plus(settings.lockout()));
            audit.record("LOGIN_FAILED", "User", null, username, null, null);
        });
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            DataScope.asSystem(() -> {
                accounts.recordSuccess(user.id());
                audit.record("LOGIN", "User", user.id(), user.username(), null, null);
            });
        }
    }
}
