package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.internal.ApiTokens;
import org.yuxun.shared.DataScope;

/** The REST API's door: bearer tokens, and who a token acts for. */
@IntegrationTest
class ApiTokenTest {

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
    void aTokenTellsWhoItBelongsTo() throws Exception {
        String username = testUsers.collegeUser("api", "TRAINING_OFFICER");
        String token = issue(username, null);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.displayName").value("测试用户"))
                .andExpect(jsonPath("$.roles[0]").value("TRAINING_OFFICER"))
                .andExpect(jsonPath("$.permissions", Matchers.hasItem("PERSON_CREATE")))
                .andExpect(jsonPath("$.organisation.kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.organisation.name").value("浙江育训职业技术学院"))
                .andExpect(jsonPath("$.dataScope").value("INSTITUTION"));
        Instant lastUsed = DataScope.asSystem(() -> jdbc.sql(
                        "select last_used_at from api_token where prefix = ?")
                .param(token.substring(0, 10)).query(Instant.class).single());
        assertThat(lastUsed).isNotNull();
    }

    @Test
    void aRevokedTokenIsRefusedWithAProblem() throws Exception {
        String username = testUsers.collegeUser("api-revoked", "TRAINING_OFFICER");
        String token = issue(username, null);
        long id = DataScope.asSystem(() -> jdbc.sql("select id from api_token where prefix = ?")
                .param(token.substring(0, 10)).query(Long.class).single());
        DataScope.asSystem(() -> tokens.revoke(testUsers.id(username), id));
        unauthorized(token);
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblem() throws Exception {
        String username = testUsers.collegeUser("api-expired", "TRAINING_OFFICER");
        unauthorized(issue(username, Instant.now().minusSeconds(60)));
    }

    @Test
    void aGarbageTokenOrNoneIsRefused() throws Exception {
        unauthorized("yx_" + "A".repeat(43));
        unauthorized("not-a-token");
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenOfADisabledAccountStopsWorking() throws Exception {
        String username = testUsers.collegeUser("api-disabled", "TRAINING_OFFICER");
        String token = issue(username, null);
        DataScope.asSystem(() -> jdbc.sql("update app_user set enabled = false where username = ?")
                .param(username).update());
        unauthorized(token);
    }

    @Test
    void aTokenIsNotASessionForThePages() throws Exception {
        String token = issue(testUsers.collegeUser("api-pages", "INSTITUTION_ADMIN"), null);
        mvc.perform(get("/users").header("Authorization", "Bearer " + token))
                .andExpect(status().is3xxRedirection());
    }

    private void unauthorized(String token) throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(content().string(containsString("API")));
    }

    private String issue(String username, Instant expiresAt) {
        long userId = testUsers.id(username);
        return DataScope.asSystem(() -> tokens.issue(userId, "测试令牌", expiresAt)).token();
    }
}
