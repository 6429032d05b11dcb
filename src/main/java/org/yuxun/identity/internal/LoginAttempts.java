package org.yuxun.identity.internal;

import java.time.Instant;
import java.util.Optional;

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
    private final AccountDetailsService details;
    private final YuxunProperties.Security settings;
    private final AuditLog audit;

    LoginAttempts(UserAccounts accounts, AccountDetailsService details, YuxunProperties properties, AuditLog audit) {
        this.accounts = accounts;
        this.details = details;
        this.settings = properties.security();
        this.audit = audit;
    }

    /**
     * Counts the failure and records it in the trail of the account's organisation, so its administrator sees
     * someone guessing; a name that matches no account is recorded on the platform's trail only.
     */
    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        DataScope.asSystem(() -> {
            accounts.recordFailure(username, settings.maxFailedLogins(), Instant.now().plus(settings.lockout()));
            Optional<CurrentUser> account = accounts.byUsername(username).map(a -> details.reload(a.id()));
            audit.recordAs(account.orElse(null), username, "LOGIN_FAILED", "User",
                    account.map(CurrentUser::id).orElse(null), username, null, null);
        });
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            DataScope.asSystem(() -> {
                accounts.recordSuccess(user.id());
                audit.recordAs(user, user.username(), "LOGIN", "User", user.id(), user.username(), null, null);
            });
        }
    }
}
