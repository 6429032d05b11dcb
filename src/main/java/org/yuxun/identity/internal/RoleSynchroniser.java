package org.yuxun.identity.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.identity.BuiltinRole;
import org.yuxun.identity.Permission;
import org.yuxun.shared.DataScope;

/**
 * Keeps the built-in roles present and offers each newly added permission once to the built-in roles that
 * include it by default; what an administrator has removed since stays removed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleSynchroniser implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RoleSynchroniser(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        DataScope.asSystem(() -> tx.executeWithoutResult(status -> synchronise()));
    }

    void synchronise() {
        for (BuiltinRole role : BuiltinRole.values()) {
            jdbc.sql("""
                            insert into role (code, name, scope_kind, builtin) values (?, ?, ?, true)
                            on conflict (code) do nothing""")
                    .params(role.name(), role.name(), role.scopeKind().name())
                    .update();
        }
        Set<String> seen = new HashSet<>(jdbc.sql("select permission from permission_seen").query(String.class).list());
        Set<Permission> fresh = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (!seen.contains(p.name())) {
                fresh.add(p);
            }
        }
        for (Permission p : fresh) {
            for (BuiltinRole role : BuiltinRole.values()) {
                if (role.defaults().contains(p)) {
                    jdbc.sql("insert into role_permission (role_code, permission) values (?, ?) on conflict do nothing")
                            .params(role.name(), p.name())
                            .update();
                }
            }
            jdbc.sql("insert into permission_seen (permission) values (?)").param(p.name()).update();
        }
    }
}
