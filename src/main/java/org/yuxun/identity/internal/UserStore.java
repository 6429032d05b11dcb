package org.yuxun.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.Page;

/**
 * Persistence of user accounts for their administration. Which accounts a caller reaches is row-level security's
 * business (an institution administrator reaches their institution's accounts); every change checks the version
 * the caller saw, so two administrators editing one account cannot overwrite each other.
 */
@Component
public class UserStore {

    /** An account as stored, without its password hash. */
    public record Row(long id, String username, String displayName, String orgKind, Long orgId, boolean enabled,
                      boolean locked, boolean mustChangePassword, Instant lastLoginAt, Instant passwordChangedAt,
                      Instant createdAt, int version) {
    }

    /** Search criteria; every part optional. {@code status} is {@code ENABLED}, {@code DISABLED} or {@code LOCKED}. */
    public record Filter(String text, String role, String orgKind, String status) {
    }

    private static final String COLUMNS = """
            id, username, display_name, org_kind, org_id, enabled,
            coalesce(locked_until > now(), false) as locked, must_change_password, last_login_at,
            password_changed_at, created_at, version""";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Row> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (username ilike ? or display_name ilike ?)");
            String like = LikePatterns.containing(filter.text());
            params.add(like);
            params.add(like);
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            where.append(" and exists (select 1 from user_role ur where ur.user_id = app_user.id and ur.role_code = ?)");
            params.add(filter.role());
        }
        if (filter.orgKind() != null && !filter.orgKind().isBlank()) {
            where.append(" and org_kind = ?");
            params.add(filter.orgKind());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case "ENABLED" -> where.append(" and enabled and (locked_until is null or locked_until <= now())");
                case "DISABLED" -> where.append(" and not enabled");
                case "LOCKED" -> where.append(" and locked_until > now()");
                default -> { }
            }
        }
        long total = jdbc.sql("select count(*) from app_user" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from app_user" + where
                        + " order by lower(username) limit ? offset ?")
                .params(pageParams)
                .query(Row.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(Row.class).optional();
    }

    /** The role codes of each of the given accounts, in code order. */
    public Map<Long, List<String>> roles(Collection<Long> userIds) {
        Map<Long, List<String>> roles = new LinkedHashMap<>();
        userIds.forEach(id -> roles.put(id, new ArrayList<>()));
        if (userIds.isEmpty()) {
            return roles;
        }
        jdbc.sql("select user_id, role_code from user_role where user_id = any(?) order by role_code")
                .param(userIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> roles.get(e.getKey()).add(e.getValue()));
        return roles;
    }

    public List<String> roles(long userId) {
        return roles(List.of(userId)).get(userId);
    }

    /** Whether any account, in any organisation, already has this username (ignoring case). */
    public boolean usernameTaken(String username) {
        return DataScope.asSystem(() -> jdbc.sql("select exists (select 1 from app_user where lower(username) = lower(?))")
                .param(username)
                .query(Boolean.class)
                .single());
    }

    public long insert(String username, String passwordHash, String displayName, String orgKind, Long orgId,
                       boolean mustChangePassword) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, org_kind, org_id,
                                              must_change_password)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(username, passwordHash, displayName, orgKind, orgId, mustChangePassword)
                .query(Long.class)
                .single();
    }

    /**
     * Inserts a learner account (no organisation, linked to the person) holding the given role, unless the person
     * already has a learner account or the username is taken; either leaves nothing behind.
     *
     * @return the new account's id, or empty when nothing was inserted
     */
    public Optional<Long> insertLearner(String username, String passwordHash, String displayName, long personId,
                                        boolean mustChangePassword, String role) {
        Optional<Long> id = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, person_id, org_kind,
                                              must_change_password)
                        values (?, ?, ?, ?, 'NONE', ?)
                        on conflict do nothing
                        returning id""")
                .params(username, passwordHash, displayName, personId, mustChangePassword)
                .query(Long.class)
                .optional();
        id.ifPresent(userId -> jdbc.sql("insert into user_role (user_id, role_code) values (?, ?)")
                .params(userId, role).update());
        return id;
    }

    /** Which of the persons have a learner account. */
    public Set<Long> personsWithLearnerAccount(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select person_id from app_user
                        where org_kind = 'NONE' and person_id = any(?)""")
                .param(personIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /**
     * Grants and withdraws roles so the account holds exactly {@code wanted}; roles held in both are left as they
     * are, since the caller may be unable to grant them again (row-level security allows granting only within the
     * granter's remit).
     */
    public void replaceRoles(long userId, Collection<String> held, Set<String> wanted) {
        for (String code : held) {
            if (!wanted.contains(code)) {
                jdbc.sql("delete from user_role where user_id = ? and role_code = ?").params(userId, code).update();
            }
        }
        for (String code : wanted) {
            if (!held.contains(code)) {
                jdbc.sql("insert into user_role (user_id, role_code) values (?, ?)").params(userId, code).update();
            }
        }
    }

    public void update(long id, String displayName, boolean enabled, int expectedVersion) {
        changed(jdbc.sql("""
                        update app_user set display_name = ?, enabled = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(displayName, enabled, id, expectedVersion)
                .update(), id);
    }

    public void setEnabled(long id, boolean enabled, int expectedVersion) {
        changed(jdbc.sql("""
                        update app_user set enabled = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(enabled, id, expectedVersion)
                .update(), id);
    }

    /**
     * Sets a password someone else chose: the user must replace it at the next sign-in, and the failures counted
     * against the old password no longer matter.
     */
    public void resetPassword(long id, String passwordHash, int expectedVersion) {
        changed(jdbc.sql("""
                        update app_user set password_hash = ?, must_change_password = true,
                               password_changed_at = now(), failed_attempts = 0, locked_until = null,
                               version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(passwordHash, id, expectedVersion)
                .update(), id);
    }

    /** The user's own new password. */
    public void changeOwnPassword(long id, String passwordHash) {
        jdbc.sql("""
                        update app_user set password_hash = ?, must_change_password = false,
                               password_changed_at = now(), updated_at = now()
                        where id = ?""")
                .params(passwordHash, id)
                .update();
    }

    public void unlock(long id, int expectedVersion) {
        changed(jdbc.sql("""
                        update app_user set failed_attempts = 0, locked_until = null, version = version + 1,
                               updated_at = now()
                        where id = ? and version = ?""")
                .params(id, expectedVersion)
                .update(), id);
    }

    /** The stored hash, only to verify a password the user typed; it never leaves the identity module. */
    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).optional();
    }

    private static void changed(int rows, long id) {
        if (rows == 0) {
            throw new OptimisticLockingFailureException("User " + id + " was changed by someone else");
        }
    }
}
