package org.yuxun.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.internal.Organisations;
import org.yuxun.identity.internal.UserStore;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidInput.Violation;
import org.yuxun.shared.NotFound;

/** What signed-in users do with their own account: see who the platform thinks they are, change their password. */
@Service
public class MyAccount {

    /**
     * The account as its owner sees it.
     *
     * @param regionName for authority officers, the region their authority governs ("浙江省"), else empty
     */
    public record Profile(String username, String displayName, CurrentUser.OrgKind orgKind, String orgName,
                          List<String> roles, String scopeKind, String regionName, Instant lastLoginAt,
                          Instant passwordChangedAt, boolean mustChangePassword) {
    }

    private final UserStore users;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    MyAccount(UserStore users, Organisations organisations, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.organisations = organisations;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Profile profile(CurrentUser user) {
        UserStore.Row row = users.find(user.id()).orElseThrow(() -> new NotFound("User", user.id()));
        String region = user.orgKind() == CurrentUser.OrgKind.AUTHORITY && user.orgId() != null
                ? organisations.authorityRegionName(user.orgId()) : "";
        return new Profile(row.username(), row.displayName(), user.orgKind(), user.orgName(),
                List.copyOf(user.roles()), user.dataScope().kind().name(), region, row.lastLoginAt(),
                row.passwordChangedAt(), row.mustChangePassword());
    }

    /**
     * Replaces the user's password after checking the current one, so that someone who finds a session left open
     * cannot take the account over. The new password follows {@link PasswordPolicy} and differs from the current.
     */
    @Transactional
    public void changePassword(CurrentUser user, String currentPassword, String newPassword,
                               String confirmPassword) {
        String hash = users.passwordHash(user.id()).orElseThrow(() -> new NotFound("User", user.id()));
        List<Violation> problems = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty() || !passwords.matches(currentPassword, hash)) {
            problems.add(new Violation("currentPassword", "password.current.wrong", "当前密码不正确", null));
        }
        try {
            PasswordPolicy.check("newPassword", newPassword, user.username());
            if (newPassword.equals(currentPassword)) {
                problems.add(new Violation("newPassword", "password.unchanged", "新密码不能与当前密码相同", null));
            }
        } catch (InvalidInput e) {
            problems.addAll(e.violations());
        }
        if (newPassword != null && !newPassword.isEmpty() && !newPassword.equals(confirmPassword)) {
            problems.add(new Violation("confirmPassword", "password.mismatch", "两次输入的密码不一致", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        users.changeOwnPassword(user.id(), passwords.encode(newPassword));
        audit.record("CHANGE_PASSWORD", "User", user.id(), user.username(), null, null);
    }
}
