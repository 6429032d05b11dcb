package org.yuxun.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yuxun.identity.Permission;

/** The accounts as the sign-in needs them; always read in system scope, before anyone is signed in. */
@Repository
class UserAccounts {

    record Account(long id, String username, String passwordHash, String displayName, Long personId,
                   String orgKind, Long orgId, boolean enabled, int failedAttempts, Instant lockedUntil,
                   boolean mustChangePassword) {
    }

    record RoleGrant(String code, String scopeKind) {
    }

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, display_name, person_id, org_kind, org_id, enabled,
                               failed_attempts, locked_until, must_change_password
                        from app_user where lower(username) = lower(?)""")
                .param(username)
                .query(Account.class)
                .optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("""
                        select id, username, password_hash, display_name, person_id, org_kind, org_id, enabled,
                               failed_attempts, locked_until, must_change_password
                        from app_user where id = ?""")
                .param(id)
                .query(Account.class)
                .optional();
    }

    List<RoleGrant> roles(long userId) {
        return jdbc.sql("""
                        select r.code, r.scope_kind from user_role ur join role r on r.code = ur.role_code
                        where ur.user_id = ? order by r.code""")
                .param(userId)
                .query(RoleGrant.class)
                .list();
    }

    Set<Permission> permissions(long userId) {
        Set<Permission> permissions = new HashSet<>();
        jdbc.sql("""
                        select distinct rp.permission from user_role ur
                        join role_permission rp on rp.role_code = ur.role_code where ur.user_id = ?""")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(name -> {
                    try {
                        permissions.add(Permission.valueOf(name));
                    } catch (IllegalArgumentException retired) {
                        // a permission removed from the code no longer grants anything
                    }
                });
        return permissions;
    }

    /**
     * Counts a failed sign-in; the account locks once the limit is reached. Once a lock has run out, counting
     * starts again from one, so a single typing error after a lockout does not lock the account at once.
     */
    void recordFailure(String username, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        with counted as (
                            select id, case when locked_until <= now() then 1 else failed_attempts + 1 end as failures
                            from app_user where lower(username) = lower(?))
                        update app_user u set failed_attempts = c.failures,
                               locked_until = case when c.failures >= ? then ?
                                                   when u.locked_until <= now() then null
                                                   else u.locked_until end
                        from counted c where u.id = c.id""")
                .param(username)
                .param(maxFailures)
                .param(Timestamp.from(lockUntil))
                .update();
    }

    void recordSuccess(long userId) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = now() where id = ?")
                .param(userId)
                .update();
    }
}
