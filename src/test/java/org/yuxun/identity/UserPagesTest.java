package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;

@IntegrationTest
class UserPagesTest {

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
    void listsUsersWithSearchAndFilters() throws Exception {
        CurrentUser admin = accounts.load("admin");
        mvc.perform(get("/users").param("q", "周建").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("college-admin")))
                .andExpect(content().string(containsString("院校管理员")))
                .andExpect(content().string(not(containsString("nb-college"))));
        mvc.perform(get("/users").param("role", "HRSS_OFFICER").with(user(admin)))
                .andExpect(content().string(containsString("zj-hrss")))
                .andExpect(content().string(containsString("hz-hrss")))
                .andExpect(content().string(not(containsString("zj-edu"))));
        mvc.perform(get("/users").param("orgKind", "ENTERPRISE").with(user(admin)))
                .andExpect(content().string(containsString("ent-hr")))
                .andExpect(content().string(not(containsString("college-admin"))));
        mvc.perform(get("/users").param("q", "no-such-user-anywhere").with(user(admin)))
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    void filtersByStatus() throws Exception {
        String disabled = testUsers.collegeUser("status-off", "TEACHER");
        long id = testUsers.id(disabled);
        mvc.perform(post("/users/{id}/enabled", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/users").param("status", "DISABLED").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString(disabled)))
                .andExpect(content().string(not(containsString("college-admin"))));
        mvc.perform(get("/users").param("status", "ENABLED").with(user(accounts.load("admin"))))
                .andExpect(content().string(not(containsString(disabled))));
    }

    @Test
    void anInstitutionAdministratorSeesOnlyTheirOwnInstitutionsUsers() throws Exception {
        CurrentUser collegeAdmin = accounts.load("college-admin");
        mvc.perform(get("/users").with(user(collegeAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trainer")))
                .andExpect(content().string(not(containsString("nb-college"))))
                .andExpect(content().string(not(containsString("zj-edu"))))
                .andExpect(content().string(not(containsString("宁波海港职业技术学院"))));
        long other = testUsers.id("nb-college");
        mvc.perform(get("/users/{id}", other).with(user(collegeAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/users/{id}/edit", other).with(user(collegeAdmin))).andExpect(status().isNotFound());
        int before = version(other);
        mvc.perform(post("/users/{id}/enabled", other).with(user(collegeAdmin)).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(before)))
                .andExpect(status().isNotFound());
        assertThat(accounts.load("nb-college").enabled()).isTrue();
        assertThat(version(other)).isEqualTo(before);
    }

    @Test
    void aPlatformAdministratorCreatesAnAuthorityOfficer() throws Exception {
        CurrentUser admin = accounts.load("admin");
        long authority = accounts.load("nb-edu").orgId();
        String username = TestUsers.unique("nb-officer");
        mvc.perform(post("/users").with(user(admin)).with(csrf())
                        .param("username", username).param("displayName", "宁波测试科员")
                        .param("orgKind", "AUTHORITY").param("orgId", String.valueOf(authority))
                        .param("roles", "EDUCATION_OFFICER")
                        .param("password", "Officer2026x").param("confirmPassword", "Officer2026x"))
                .andExpect(redirectedUrlPattern("/users/*"));
        CurrentUser created = accounts.load(username);
        assertThat(created.dataScope().kind()).isEqualTo(DataScope.Kind.EDUCATION_AUTHORITY);
        assertThat(created.orgName()).isEqualTo("宁波市教育局");
        boolean mustChange = DataScope.asSystem(() -> jdbc.sql(
                "select must_change_password from app_user where username = ?")
                .param(username).query(Boolean.class).single());
        assertThat(mustChange).isTrue();
    }

    @Test
    void refusesARoleThatDoesNotFitTheOrganisation() throws Exception {
        long authority = accounts.load("nb-edu").orgId();
        mvc.perform(post("/users").with(user(accounts.load("admin"))).with(csrf())
                        .param("username", TestUsers.unique("misfit")).param("displayName", "错配")
                        .param("orgKind", "AUTHORITY").param("orgId", String.valueOf(authority))
                        .param("roles", "HRSS_OFFICER")
                        .param("password", "Officer2026x").param("confirmPassword", "Officer2026x"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.role.organisation"));
    }

    @Test
    void anInstitutionAdministratorCreatesATeacherInTheirOwnInstitution() throws Exception {
        String username = TestUsers.unique("teacher");
        mvc.perform(post("/users").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("username", username).param("displayName", "新教师")
                        .param("roles", "TEACHER")
                        .param("password", "Teacher2026x").param("confirmPassword", "Teacher2026x"))
                .andExpect(redirectedUrlPattern("/users/*"));
        CurrentUser created = accounts.load(username);
        assertThat(created.orgId()).isEqualTo(accounts.load("college-admin").orgId());
        assertThat(created.roles()).containsExactly("TEACHER");
    }

    @Test
    void anInstitutionAdministratorCannotCreateAPlatformAdministrator() throws Exception {
        String username = TestUsers.unique("escalate");
        mvc.perform(post("/users").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("username", username).param("displayName", "越权")
                        .param("roles", "PLATFORM_ADMIN")
                        .param("password", "Escalate2026x").param("confirmPassword", "Escalate2026x"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.role.beyondRemit"))
                .andExpect(content().string(containsString("不能授予超出您管理范围的角色")));
        assertThat(exists(username)).isFalse();
    }

    @Test
    void anInstitutionAdministratorCannotCreateAUserInAnotherInstitution() throws Exception {
        String username = TestUsers.unique("elsewhere");
        long otherCollege = accounts.load("nb-college").orgId();
        mvc.perform(post("/users").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("username", username).param("displayName", "别校")
                        .param("orgKind", "INSTITUTION").param("orgId", String.valueOf(otherCollege))
                        .param("roles", "TEACHER")
                        .param("password", "Elsewhere2026x").param("confirmPassword", "Elsewhere2026x"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "orgId", "user.org.outsideScope"));
        assertThat(exists(username)).isFalse();
    }

    @Test
    void anAuthorityOfficerAllowedToCreateUsersDoesSoOnlyWithinTheirAuthority() throws Exception {
        CurrentUser officer = withPermission(accounts.load("nb-edu"), Permission.USER_CREATE);
        String colleague = TestUsers.unique("nb-colleague");
        mvc.perform(post("/users").with(user(officer)).with(csrf())
                        .param("username", colleague).param("displayName", "同事")
                        .param("roles", "EDUCATION_OFFICER")
                        .param("password", "Colleague2026").param("confirmPassword", "Colleague2026"))
                .andExpect(redirectedUrlPattern("/users/*"));
        assertThat(accounts.load(colleague).orgId()).isEqualTo(officer.orgId());

        mvc.perform(post("/users").with(user(officer)).with(csrf())
                        .param("username", TestUsers.unique("nb-school")).param("displayName", "院校")
                        .param("roles", "INSTITUTION_ADMIN")
                        .param("password", "Colleague2026").param("confirmPassword", "Colleague2026"))
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.role.beyondRemit"));
    }

    @Test
    void theDatabaseRefusesAGrantBeyondTheGrantersRemitEvenIfTheCodeWereWrong() {
        CurrentUser collegeAdmin = accounts.load("college-admin");
        String username = testUsers.collegeUser("rls-wall", "TEACHER");
        long teacher = testUsers.id(username);
        assertThatThrownBy(() -> DataScope.as(collegeAdmin.dataScope(), () -> jdbc.sql(
                        "insert into user_role (user_id, role_code) values (?, 'PLATFORM_ADMIN')")
                .param(teacher).update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        DataScope.as(collegeAdmin.dataScope(), () -> jdbc.sql(
                        "insert into user_role (user_id, role_code) values (?, 'TRAINING_OFFICER')")
                .param(teacher).update());
        assertThat(accounts.load(username).roles()).containsExactlyInAnyOrder("TEACHER", "TRAINING_OFFICER");
    }

    @Test
    void aTrainerWithoutUserPermissionsCannotCreateUsers() throws Exception {
        mvc.perform(post("/users").with(user(accounts.load("trainer"))).with(csrf())
                        .param("username", TestUsers.unique("nope")).param("displayName", "无权")
                        .param("roles", "TEACHER")
                        .param("password", "Nothing2026x").param("confirmPassword", "Nothing2026x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/users").with(user(accounts.load("trainer")))).andExpect(status().isForbidden());
    }

    @Test
    void showsEveryProblemOfANewUserAtItsField() throws Exception {
        mvc.perform(post("/users").with(user(accounts.load("admin"))).with(csrf())
                        .param("username", "a b").param("displayName", "")
                        .param("orgKind", "INSTITUTION")
                        .param("password", "short1").param("confirmPassword", "other"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.format"))
                .andExpect(model().attributeHasFieldErrorCode("form", "displayName", "user.displayName.length"))
                .andExpect(model().attributeHasFieldErrorCode("form", "orgId", "user.org.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.length"))
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"))
                .andExpect(content().string(containsString("密码长度应为 10 至 64 个字符")))
                .andExpect(content().string(not(containsString("short1"))));
    }

    @Test
    void refusesAPasswordContainingTheUsernameAndATakenUsername() throws Exception {
        mvc.perform(post("/users").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("username", "TRAINER").param("displayName", "重名")
                        .param("roles", "TEACHER")
                        .param("password", "xtrainer2026").param("confirmPassword", "xtrainer2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.taken"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.containsUsername"));
    }

    @Test
    void editsNameAndRolesAndCatchesAConcurrentEdit() throws Exception {
        String username = testUsers.collegeUser("edit", "TEACHER");
        long id = testUsers.id(username);
        CurrentUser collegeAdmin = accounts.load("college-admin");
        int seen = version(id);
        mvc.perform(post("/users/{id}", id).with(user(collegeAdmin)).with(csrf())
                        .param("displayName", "改名后").param("roles", "TEACHER", "TRAINING_OFFICER")
                        .param("enabled", "true").param("version", String.valueOf(seen)))
                .andExpect(redirectedUrlPattern("/users/*"));
        CurrentUser edited = accounts.load(username);
        assertThat(edited.displayName()).isEqualTo("改名后");
        assertThat(edited.roles()).containsExactlyInAnyOrder("TEACHER", "TRAINING_OFFICER");

        mvc.perform(post("/users/{id}", id).with(user(collegeAdmin)).with(csrf())
                        .param("displayName", "过期的修改").param("roles", "TEACHER")
                        .param("version", String.valueOf(seen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(accounts.load(username).displayName()).isEqualTo("改名后");
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrDropTheirLastAdministratorRole() throws Exception {
        String username = testUsers.collegeUser("self", "INSTITUTION_ADMIN");
        long id = testUsers.id(username);
        CurrentUser self = accounts.load(username);
        mvc.perform(post("/users/{id}", id).with(user(self)).with(csrf())
                        .param("displayName", "自己").param("roles", "TEACHER").param("enabled", "false")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "enabled", "user.self.disable"))
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "user.self.lastAdminRole"));
        mvc.perform(post("/users/{id}/enabled", id).with(user(self)).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrlPattern("/users/*"))
                .andExpect(flash().attribute("problem", "不能停用自己的账户。"));
        CurrentUser after = accounts.load(username);
        assertThat(after.enabled()).isTrue();
        assertThat(after.roles()).containsExactly("INSTITUTION_ADMIN");
    }

    @Test
    void resettingAPasswordChecksThePolicy() throws Exception {
        String username = testUsers.collegeUser("weak-reset", "TEACHER");
        long id = testUsers.id(username);
        mvc.perform(post("/users/{id}/password", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("password", "onlyletters").param("confirmPassword", "onlyletters")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.lettersAndDigits"));
    }

    @Test
    void everyChangeIsAuditedWithoutAnyPasswordOrHash() throws Exception {
        String username = testUsers.collegeUser("audited", "TEACHER");
        long id = testUsers.id(username);
        CurrentUser collegeAdmin = accounts.load("college-admin");
        mvc.perform(post("/users/{id}/password", id).with(user(collegeAdmin)).with(csrf())
                        .param("password", "Secret2026reset").param("confirmPassword", "Secret2026reset")
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrlPattern("/users/*"));
        mvc.perform(post("/users/{id}", id).with(user(collegeAdmin)).with(csrf())
                        .param("displayName", "审计对象").param("roles", "TEACHER")
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrlPattern("/users/*"));

        List<String> actions = DataScope.asSystem(() -> jdbc.sql("""
                        select action from audit_event where object_type = 'User' and object_id = ? order by id""")
                .param(String.valueOf(id)).query(String.class).list());
        assertThat(actions).containsSubsequence("CREATE", "RESET_PASSWORD", "UPDATE");
        String hash = DataScope.asSystem(() -> jdbc.sql("select password_hash from app_user where id = ?")
                .param(id).query(String.class).single());
        long leaks = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event
                        where concat(summary, before::text, after::text) like '%{bcrypt}%'
                           or concat(summary, before::text, after::text) like '%$2a$%'
                           or strpos(concat(summary, before::text, after::text), ?) > 0
                           or strpos(concat(summary, before::text, after::text), ?) > 0
                           or strpos(concat(summary, before::text, after::text), ?) > 0""")
                .params(hash, "Secret2026reset", TestUsers.PASSWORD).query(Long.class).single());
        assertThat(leaks).isZero();
    }

    @Test
    void thePlatformAdministratorPicksTheOrganisationFromItsKind() throws Exception {
        mvc.perform(get("/users/organisations").param("orgKind", "INSTITUTION").param("orgSearch", "宁波")
                        .with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宁波海港职业技术学院")))
                .andExpect(content().string(not(containsString("浙江育训职业技术学院"))));
        mvc.perform(get("/users/new").with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("机构类型")));
        mvc.perform(get("/users/new").with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(not(containsString("PLATFORM_ADMIN"))));
    }

    @Test
    void showsAUserWithTheActionsTheViewerMayTake() throws Exception {
        long id = testUsers.id("trainer");
        mvc.perform(get("/users/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李芳")))
                .andExpect(content().string(containsString("重置密码")))
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(get("/users/{id}/edit", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\"")));
    }

    private static CurrentUser withPermission(CurrentUser user, Permission extra) {
        Set<Permission> permissions = EnumSet.copyOf(user.permissions());
        permissions.add(extra);
        return new CurrentUser(user.id(), user.username(), user.displayName(), "", user.roles(), permissions,
                user.orgKind(), user.orgId(), user.orgName(), user.dataScope(), true, false);
    }

    private boolean exists(String username) {
        return DataScope.asSystem(() -> jdbc.sql("select exists (select 1 from app_user where username = ?)")
                .param(username).query(Boolean.class).single());
    }

    private int version(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select version from app_user where id = ?")
                .param(id).query(Integer.class).single());
    }
}
