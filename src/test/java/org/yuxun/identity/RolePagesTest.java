package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;

@IntegrationTest
class RolePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserManagement userManagement;

    @Autowired
    JdbcClient jdbc;

    TestUsers testUsers;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userManagement, accounts, jdbc);
    }

    @Test
    void listsRolesWithTheirScopeAndNumberOfUsers() throws Exception {
        mvc.perform(get("/roles").with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("平台管理员")))
                .andExpect(content().string(containsString("人社部门工作人员")))
                .andExpect(content().string(containsString("辖区内职业院校")))
                .andExpect(content().string(containsString("下次登录时生效")));
    }

    @Test
    void showsThePermissionMatrixOfARole() throws Exception {
        mvc.perform(get("/roles/INSTITUTION_ADMIN").with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("院校与机构")))
                .andExpect(content().string(containsString("查看完整证件号码")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*value=\"USER_CREATE\"[^>]*checked.*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*value=\"USER_CREATE\"[^>]*disabled.*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*value=\"ROLE_EDIT\"[^>]*disabled[^>]*>.*")))
                .andExpect(content().string(not(Matchers.matchesPattern("(?s).*value=\"ROLE_EDIT\"[^>]*checked.*"))))
                .andExpect(content().string(not(containsString("删除角色"))));
    }

    @Test
    void aPermissionChangeTakesEffectAtTheNextSignIn() throws Exception {
        String code = customRole("NEXT", "INSTITUTION");
        String username = testUsers.collegeUser("role-user", "TEACHER");
        DataScope.asSystem(() -> jdbc.sql("insert into user_role (user_id, role_code) values (?, ?)")
                .params(testUsers.id(username), code).update());
        assertThat(accounts.load(username).can(Permission.VENUE_CREATE)).isFalse();

        mvc.perform(post("/roles/{code}/permissions", code).with(user(accounts.load("admin"))).with(csrf())
                        .param("permissions", "VENUE_CREATE", "VENUE_EDIT").param("version", "0"))
                .andExpect(redirectedUrl("/roles/" + code));

        CurrentUser next = accounts.load(username);
        assertThat(next.can(Permission.VENUE_CREATE)).isTrue();
        assertThat(next.can(Permission.VENUE_EDIT)).isTrue();
        assertThat(next.getAuthorities()).extracting(Object::toString).contains("VENUE_CREATE");
    }

    @Test
    void aStaleRoleEditIsRefused() throws Exception {
        String code = customRole("STALE", "TEACHER");
        mvc.perform(post("/roles/{code}/permissions", code).with(user(accounts.load("admin"))).with(csrf())
                        .param("permissions", "VENUE_VIEW").param("version", "0"))
                .andExpect(redirectedUrl("/roles/" + code));
        mvc.perform(post("/roles/{code}/permissions", code).with(user(accounts.load("admin"))).with(csrf())
                        .param("permissions", "REGION_VIEW").param("version", "0"))
                .andExpect(redirectedUrl("/roles/" + code))
                .andExpect(flash().attribute("problem", "该记录已被他人修改，请刷新页面后重新操作。"));
    }

    @Test
    void onlyThePlatformChangesRoles() throws Exception {
        mvc.perform(post("/roles/TEACHER/permissions").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("permissions", "USER_CREATE").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/roles").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("code", "SNEAKY").param("name", "偷偷").param("scopeKind", "PLATFORM"))
                .andExpect(status().isForbidden());
    }

    @Test
    void createsAndDeletesACustomRoleButNeverABuiltInOne() throws Exception {
        String code = customRole("TEMP", "ENTERPRISE");
        mvc.perform(get("/roles/{code}", code).with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("删除角色")));
        mvc.perform(post("/roles/{code}/delete", code).with(user(accounts.load("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roles"));
        mvc.perform(get("/roles/{code}", code).with(user(accounts.load("admin")))).andExpect(status().isNotFound());

        mvc.perform(post("/roles/TEACHER/delete").with(user(accounts.load("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roles/TEACHER"))
                .andExpect(flash().attribute("problem", "内置角色不能删除。"));
    }

    @Test
    void aRoleHeldByUsersCannotBeDeleted() throws Exception {
        String code = customRole("HELD", "INSTITUTION");
        String username = testUsers.collegeUser("holder", "TEACHER");
        DataScope.asSystem(() -> jdbc.sql("insert into user_role (user_id, role_code) values (?, ?)")
                .params(testUsers.id(username), code).update());
        mvc.perform(post("/roles/{code}/delete", code).with(user(accounts.load("admin"))).with(csrf()))
                .andExpect(redirectedUrl("/roles/" + code))
                .andExpect(flash().attribute("problem", "仍有用户持有该角色，不能删除。"));
    }

    @Test
    void refusesABadOrTakenRoleCodeAtTheField() throws Exception {
        mvc.perform(post("/roles").with(user(accounts.load("admin"))).with(csrf())
                        .param("code", "1bad code").param("name", "").param("scopeKind", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "role.code.format"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "role.name.length"))
                .andExpect(model().attributeHasFieldErrorCode("form", "scopeKind", "role.scopeKind.required"));
        mvc.perform(post("/roles").with(user(accounts.load("admin"))).with(csrf())
                        .param("code", "TEACHER").param("name", "教师二").param("scopeKind", "TEACHER"))
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "role.code.taken"));
    }

    @Test
    void anAdministratorCannotTakeTheLastRoleEditingPermissionFromThemselves() throws Exception {
        String code = customRole("ROLEADM", "PLATFORM");
        mvc.perform(post("/roles/{code}/permissions", code).with(user(accounts.load("admin"))).with(csrf())
                        .param("permissions", "ROLE_VIEW", "ROLE_EDIT").param("version", "0"))
                .andExpect(redirectedUrl("/roles/" + code));
        String username = testUsers.create("role-admin", CurrentUser.OrgKind.PLATFORM, null, code);
        CurrentUser roleAdmin = accounts.load(username);
        mvc.perform(post("/roles/{code}/permissions", code).with(user(roleAdmin)).with(csrf())
                        .param("permissions", "ROLE_VIEW").param("version", "1"))
                .andExpect(flash().attribute("problem", "不能移除您自己最后一个角色管理权限，否则将无人能够修改角色。"));
        assertThat(accounts.load(username).can(Permission.ROLE_EDIT)).isTrue();
    }

    private String customRole(String prefix, String scopeKind) throws Exception {
        String code = (prefix + "_" + Long.toString(System.nanoTime(), 36)).toUpperCase(Locale.ROOT);
        mvc.perform(post("/roles").with(user(accounts.load("admin"))).with(csrf())
                        .param("code", code).param("name", "测试角色 " + code).param("scopeKind", scopeKind))
                .andExpect(redirectedUrl("/roles/" + code));
        return code;
    }
}
