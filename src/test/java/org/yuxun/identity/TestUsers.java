package org.yuxun.identity;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.identity.UserManagement.NewUser;
import org.yuxun.shared.DataScope;

/** Accounts made for one test, with unique names, since all tests of a run share one database. */
final class TestUsers {

    static final String PASSWORD = "Start2026pass";

    private final UserManagement users;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    TestUsers(UserManagement users, Accounts accounts, JdbcClient jdbc) {
        this.users = users;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** A user of the demo college (浙江育训职业技术学院) with the given roles, ready to sign in. */
    String collegeUser(String prefix, String... roles) {
        CurrentUser collegeAdmin = accounts.load("college-admin");
        return create(prefix, OrgKind.INSTITUTION, collegeAdmin.orgId(), roles);
    }

    /** A platform account with the given roles, ready to sign in without being asked to change the password. */
    String create(String prefix, OrgKind kind, Long orgId, String... roles) {
        String username = unique(prefix);
        CurrentUser admin = accounts.load("admin");
        DataScope.asSystem(() -> {
            long id = users.create(admin, new NewUser(username, "测试用户", kind, orgId, Set.of(roles), PASSWORD,
                    PASSWORD));
            jdbc.sql("update app_user set must_change_password = false where id = ?").param(id).update();
        });
        return username;
    }

    long id(String username) {
        return accounts.load(username).id();
    }
}
