package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;

/**
 * The demo story of the credit bank, read only (other tests and the browser tour use it): 王小明's certificate is in
 * their learning account, the Ningbo college offers a rule that converts it, a completed exchange of another
 * learner shows on the college's pages, and 王小明's competition award waits for the college's recognition.
 */
@IntegrationTest
class CreditBankDemoTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoLearnersCertificateIsInTheirAccountAndTheNingboCollegeOffersToConvertIt() throws Exception {
        var learner = accounts.load("learner");
        String account = mvc.perform(get("/my/learning-account").with(user(learner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(account).contains("工业机器人安全操作与维护入门").contains("工业机器人技术（三年制高职）");
        long student = DataScope.asSystem(() -> jdbc.sql("""
                        select s.id from programme_student s join app_user u on u.person_id = s.person_id
                        where u.username = 'learner'""").query(Long.class).single());
        String proposals = mvc.perform(get("/my/credit-applications/new").param("student", String.valueOf(student))
                        .with(user(learner))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(proposals).contains("工业机器人安全与操作基础").contains("name=\"choices\"");
    }

    @Test
    void onlyThePlatformAdministratorChangesHowManyHoursMakeACredit() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/credit-bank/recording-rules").param("kind", "COMPETITION").param("hoursPerCredit", "1")
                        .with(user(accounts.load("nb-college")))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/credit-bank/recording-rules").param("kind", "COMPETITION").param("hoursPerCredit", "18")
                        .with(user(accounts.load("admin")))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(DataScope.asSystem(() -> jdbc.sql(
                "select hours_per_credit from credit_recording_rule where outcome_kind = 'COMPETITION'")
                .query(java.math.BigDecimal.class).single())).isEqualByComparingTo("18");
        String page = mvc.perform(get("/credit-bank/recording-rules").with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("每 18 学时记 1 学分");
    }

    @Test
    void aCompletedExchangeShowsOnTheCollegesPagesAndThePublicCatalogueListsThePublishedRules() throws Exception {
        String applications = mvc.perform(get("/credit-bank/applications").param("status", "REVIEWED")
                        .with(user(accounts.load("college-admin")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(applications).contains("智慧健康养老服务与管理（三年制高职）");
        String catalogue = mvc.perform(get("/public/credit-rules").param("q", "工业机器人")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(catalogue).contains("宁波海港职业技术学院").contains("工业机器人安全与操作基础")
                .doesNotContain("老年照护技术");
    }

    @Test
    void theCollegeFindsTheDemoLearnersCompetitionAwardWaitingForRecognitionWithItsCertificate() throws Exception {
        var college = accounts.load("college-admin");
        String list = mvc.perform(get("/credit-bank/submissions").param("status", "SUBMITTED").with(user(college)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("王小明").contains("工业机器人技术应用").contains("待认定");
        long id = DataScope.asSystem(() -> jdbc.sql("""
                        select s.id from outcome_submission s join app_user u on u.person_id = s.person_id
                        where u.username = 'learner' order by s.id limit 1""").query(Long.class).single());
        var evidence = mvc.perform(get("/credit-bank/submissions/" + id + "/evidence").with(user(college)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(evidence.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(evidence.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String mine = mvc.perform(get("/my/outcome-submissions").with(user(accounts.load("learner"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("工业机器人技术应用").contains("浙江育训职业技术学院");
    }
}
