package org.yuxun.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.identity.BuiltinRole;
import org.yuxun.identity.Permission;
import org.yuxun.shared.DataScope;

/**
 * Persistence of roles and their permissions. Everyone signed in reads them; only the platform writes them
 * (row-level security on {@code role} and {@code role_permission}).
 */
@Component
public class RoleStore {

    /** A role as stored. Built-in roles are named by their code; their labels come from the messages. */
    public record Row(String code, String name, String scopeKind, boolean builtin, int version) {
    }

    private static final String[] BUILTIN_ORDER = Arrays.stream(BuiltinRole.values())
            .map(Enum::name)
            .toArray(String[]::new);

    private final JdbcClient jdbc;

    RoleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Built-in roles first, in the order of {@code BuiltinRole}, then custom roles by code. */
    public List<Row> all() {
        return jdbc.sql("""
                        select code, name, scope_kind, builtin, version from role
                        order by builtin desc, array_position(?::text[], code), code""")
                .param(BUILTIN_ORDER)
                .query(Row.class)
                .list();
    }

    public Optional<Row> find(String code) {
        return jdbc.sql("select code, name, scope_kind, builtin, version from role where code = ?")
                .param(code)
                .query(Row.class)
                .optional();
    }

    /** Accounts holding each role, among the accounts the caller may see. */
    public Map<String, Long> userCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select role_code, count(*) from user_role group by role_code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Whether anyone at all holds the role, whoever asks. */
    public boolean inUse(String code) {
        return DataScope.asSystem(() -> jdbc.sql("select exists (select 1 from user_role where role_code = ?)")
                .param(code)
                .query(Boolean.class)
                .single());
    }

    public Set<Permission> permissions(String code) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        jdbc.sql("select permission from role_permission where role_code = ?")
                .param(code)
                .query(String.class)
                .list()
                .forEach(name -> Arrays.stream(Permission.values())
                        .filter(p -> p.name().equals(name))
                        .forEach(permissions::add));
        return permissions;
    }

    /** Replaces the role's permissions if nobody changed the role since the caller saw {@code expectedVersion}. */
    public void replacePermissions(String code, Set<Permission> permissions, int expectedVersion) {
        int rows = jdbc.sql("update role set version = version + 1 where code = ? and version = ?")
                .params(code, expectedVersion)
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("Role " + code + " was changed by someone else");
        }
        jdbc.sql("delete from role_permission where role_code = ?").param(code).update();
        for (Permission p : permissions) {
            jdbc.sql("insert into role_permission (role_code, permission) values (?, ?)")
                    .params(code, p.name())
                    .update();
        }
    }

    public void insert(String code, String name, String scopeKind) {
        jdbc.sql("insert into role (code, name, scope_kind, builtin) values (?, ?, ?, false)")
                .params(code, name, scopeKind)
                .update();
    }

    /** Deletes a custom role; built-in roles are never deleted. */
    public boolean deleteCustom(String code) {
        return jdbc.sql("delete from role where code = ? and not builtin").param(code).update() > 0;
    }
}
