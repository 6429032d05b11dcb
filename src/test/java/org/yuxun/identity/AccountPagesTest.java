package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.internal.ApiTokens;
import org.yuxun.shared.DataScope;

@IntegrationTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserManagement userManagement;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    TestUsers testUsers;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userManagement, accounts, jdbc);
    }

    @Test
    void showsProfileRolesAndDataScopeInWords() throws Exception {
        mvc.perform(get("/account").with(user(accounts.load("zj-hrss"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("刘洋（省人社厅）")))
                .andExpect(content().string(containsString("浙江省人力资源和社会保障厅")))
                .andExpect(content().string(containsString("人社部门工作人员")))
                .andExpect(content().string(containsString("辖区内技工院校、培训与评价机构")))
                .andExpect(content().string(containsString("（浙江省）")));
        mvc.perform(get("/account").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("本院校")))
                .andExpect(content().string(containsString("（浙江育训职业技术学院）")));
    }

    @Test
    void refusesAWrongCurrentPasswordAndAWeakNewOneAtTheirFields() throws Exception {
        CurrentUser trainer = accounts.load("trainer");
        mvc.perform(post("/account/password").with(user(trainer)).with(csrf())
                        .param("currentPassword", "not-my-password").param("newPassword", "abc")
                        .param("confirmPassword", "abc"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.current.wrong"))
                .andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.length"))
                .andExpect(content().string(containsString("当前密码不正确")));
        mvc.perform(post("/account/password").with(user(trainer)).with(csrf())
                        .param("currentPassword", "Yuxun@2026").param("newPassword", "trainer12345")
                        .param("confirmPassword", "trainer12345"))
                .andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.containsUsername"));
        mvc.perform(post("/account/password").with(user(trainer)).with(csrf())
                        .param("currentPassword", "Yuxun@2026").param("newPassword", "Different2026")
                        .param("confirmPassword", "Different2027"))
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"));
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessions() throws Exception {
        String username = testUsers.collegeUser("change", "TEACHER");
        Cookie first = signIn(username, TestUsers.PASSWORD);
        Cookie second = signIn(username, TestUsers.PASSWORD);
        var changed = mvc.perform(post("/account/password").cookie(first).with(csrf())
                        .param("currentPassword", TestUsers.PASSWORD).param("newPassword", "Changed2026pw")
                        .param("confirmPassword", "Changed2026pw"))
                .andExpect(redirectedUrl("/account"))
                .andReturn();
        Cookie renewed = changed.getResponse().getCookie("SESSION");
        mvc.perform(get("/account").cookie(renewed)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(second)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin().user(username).password("Changed2026pw")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void createsATokenShowsItOnceAndRevokesIt() throws Exception {
        String username = testUsers.collegeUser("tokens", "TRAINING_OFFICER");
        CurrentUser owner = accounts.load(username);
        String page = mvc.perform(post("/account/tokens").with(user(owner)).with(csrf())
                        .param("name", "省平台上报").param("expiryDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("令牌只显示这一次")))
                .andReturn().getResponse().getContentAsString();
        List<ApiTokens.TokenView> issued = tokensOf(owner);
        assertThat(issued).hasSize(1);
        ApiTokens.TokenView token = issued.getFirst();
        assertThat(page).containsPattern("value=\"yx_[A-Za-z0-9_-]{43}\"");

        mvc.perform(get("/account/tokens").with(user(owner)))
                .andExpect(content().string(containsString(token.prefix())))
                .andExpect(content().string(not(containsString("令牌只显示这一次"))))
                .andExpect(content().string(containsString("有效")));

        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(tokensOf(owner).getFirst().status()).isEqualTo(ApiTokens.Status.REVOKED);
    }

    @Test
    void refusesATokenWithoutNameOrWithAnImpossibleLifetime() throws Exception {
        mvc.perform(post("/account/tokens").with(user(accounts.load("trainer"))).with(csrf())
                        .param("name", " ").param("expiryDays", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "token.name.length"))
                .andExpect(model().attributeHasFieldErrorCode("form", "expiryDays", "token.expiry.range"));
        mvc.perform(post("/account/tokens").with(user(accounts.load("trainer"))).with(csrf())
                        .param("name", "x").param("expiryDays", "soon"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "expiryDays"));
    }

    @Test
    void aTeacherWithoutTheTokenPermissionCannotManageTokens() throws Exception {
        mvc.perform(get("/account/tokens").with(user(accounts.load("teacher")))).andExpect(status().isForbidden());
        mvc.perform(get("/account").with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/account/tokens"))));
    }

    @Test
    void aUserCannotRevokeSomeoneElsesToken() throws Exception {
        String owner = testUsers.collegeUser("victim", "TRAINING_OFFICER");
        ApiTokens.IssuedToken token = DataScope.asSystem(() -> tokens.issue(testUsers.id(owner), "别人的令牌", null));
        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokensOf(accounts.load(owner)).getFirst().status())
                .isEqualTo(ApiTokens.Status.ACTIVE);
    }

    private List<ApiTokens.TokenView> tokensOf(CurrentUser owner) {
        return DataScope.as(owner.dataScope(), () -> tokens.ofUser(owner.id()));
    }

    private Cookie signIn(String username, String password) throws Exception {
        return mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/home"))
                .andReturn().getResponse().getCookie("SESSION");
    }
}
