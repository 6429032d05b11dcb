package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.session.LastAccessWriter;

/** Form sign-in as a browser does it: lockout, CSRF, the session timeout, and passwords someone else set. */
@IntegrationTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserManagement userManagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LastAccessWriter lastAccess;

    TestUsers testUsers;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userManagement, accounts, jdbc);
    }

    @Test
    void signingInWithASessionAlreadyOpenGivesANewSessionWhoseCookieWorks() throws Exception {
        Cookie before = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getCookie("SESSION");
        assertThat(before).as("the sign-in page keeps its CSRF token in a session").isNotNull();
        Cookie after = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", "trainer").param("password", "Yuxun@2026"))
                .andExpect(redirectedUrl("/home"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(after).as("a new session id, sent to the browser").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/home").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/home").cookie(before)).andExpect(status().is3xxRedirection());
    }

    @Test
    void signsInWithTheRightPasswordAndLandsOnTheHomePage() throws Exception {
        mvc.perform(formLogin().user("trainer").password("Yuxun@2026"))
                .andExpect(redirectedUrl("/home"));
    }

    @Test
    void locksTheAccountAfterFiveWrongPasswordsUntilAnAdministratorUnlocksIt() throws Exception {
        String username = testUsers.collegeUser("lockout", "TEACHER");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(username).password("wrong-password-1"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(Matchers.containsString("账户已暂时锁定")));

        long id = testUsers.id(username);
        assertThat(accounts.load(username).locked()).isTrue();
        mvc.perform(get("/users/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(Matchers.containsString("解除锁定")));
        int version = version(id);
        mvc.perform(post("/users/{id}/unlock", id).param("version", String.valueOf(version))
                        .with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(redirectedUrl("/users/" + id));

        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/home"));
    }

    @Test
    void aSuccessfulSignInResetsTheCountOfFailures() throws Exception {
        String username = testUsers.collegeUser("counter", "TEACHER");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user(username).password("wrong-password-1"));
        }
        assertThat(failures(username)).isEqualTo(4);
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/home"));
        assertThat(failures(username)).isZero();
        mvc.perform(formLogin().user(username).password("wrong-password-1"));
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/home"));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/account/password").with(user(accounts.load("trainer")))
                        .param("currentPassword", "Yuxun@2026").param("newPassword", "Another2026x")
                        .param("confirmPassword", "Another2026x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "trainer").param("password", "Yuxun@2026"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSessionLastsThirtyMinutesWithoutActivity() throws Exception {
        String username = testUsers.collegeUser("timeout", "TEACHER");
        Cookie session = signIn(username, TestUsers.PASSWORD);
        int seconds = DataScope.asSystem(() -> jdbc.sql(
                        "select max_inactive_interval from spring_session where principal_name = ?")
                .param(username).query(Integer.class).single());
        assertThat(seconds).isEqualTo(30 * 60);

        idle(username, 29);
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("连续 30 分钟没有操作将自动退出登录")));
        lastAccess.flush(); // that request's touch is written now, not after the next idle() below

        idle(username, 31);
        mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", ""))
                .andExpect(content().string(Matchers.containsString("登录已超时，请重新登录")));
    }

    @Test
    void theSessionKeepsTheSignedInUserInItsShortStoredForm() throws Exception {
        String username = testUsers.collegeUser("stored", "TEACHER");
        Cookie session = signIn(username, TestUsers.PASSWORD);
        byte[] stored = DataScope.asSystem(() -> jdbc.sql("""
                        select a.attribute_bytes from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id
                        where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
                .param(username).query(byte[].class).single());

        assertThat(new String(stored, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("YXC");
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(username)));
    }

    @Test
    void aVisitorWithoutSessionIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/users")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aUserWhosePasswordWasResetMustChooseANewOneBeforeAnythingElse() throws Exception {
        String username = testUsers.collegeUser("reset", "TEACHER");
        long id = testUsers.id(username);
        mvc.perform(post("/users/{id}/password", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("password", "Temporary2026").param("confirmPassword", "Temporary2026")
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/users/" + id));

        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        var signIn = mvc.perform(formLogin().user(username).password("Temporary2026"))
                .andExpect(redirectedUrl("/account/password"))
                .andReturn();
        Cookie session = signIn.getResponse().getCookie("SESSION");
        mvc.perform(get("/home").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请先设置您自己的密码")));

        var changed = mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "Temporary2026").param("newPassword", "MyOwn2026pass")
                        .param("confirmPassword", "MyOwn2026pass"))
                .andExpect(redirectedUrl("/account"))
                .andReturn();
        Cookie renewed = changed.getResponse().getCookie("SESSION");
        assertThat(renewed).isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(session.getValue());
        mvc.perform(get("/home").cookie(renewed)).andExpect(status().isOk());
        mvc.perform(formLogin().user(username).password("MyOwn2026pass")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void aDisabledAccountIsSignedOutAndCannotSignIn() throws Exception {
        String username = testUsers.collegeUser("disabled", "TEACHER");
        long id = testUsers.id(username);
        Cookie session = signIn(username, TestUsers.PASSWORD);
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/users/{id}/enabled", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/users/" + id));

        mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error=disabled"));
    }

    private Cookie signIn(String username, String password) throws Exception {
        Cookie session = mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/home"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    /** Pretends the user's sessions saw their last request this many minutes ago. */
    private void idle(String username, int minutes) {
        long lastAccess = System.currentTimeMillis() - minutes * 60_000L;
        DataScope.asSystem(() -> jdbc.sql("""
                        update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000
                        where principal_name = ?""")
                .params(lastAccess, lastAccess, username).update());
    }

    private int failures(String username) {
        return DataScope.asSystem(() -> jdbc.sql("select failed_attempts from app_user where username = ?")
                .param(username).query(Integer.class).single());
    }

    private int version(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select version from app_user where id = ?")
                .param(id).query(Integer.class).single());
    }
}
