package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/** The policy pages as the city HRSS officer uses them, and as an institution reads them. */
@IntegrationTest
class SubsidyPolicyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHrssOfficerSetsAPolicyForTheirCityAndBadInputIsShownAtItsFieldWithNothingSaved() throws Exception {
        CurrentUser hrss = accounts.load("hz-hrss");
        String form = mvc.perform(get("/subsidy/policies/new").with(user(hrss))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("补贴标准").contains("农村留守妇女");

        long before = policies();
        String refused = mvc.perform(post("/subsidy/policies").with(user(hrss)).with(csrf())
                        .param("name", " ").param("validFrom", "2026-01-01").param("payee", "INSTITUTION")
                        .param("minAttendance", "120").param("yearlyLimit", "3").param("livingAllowance", "0")
                        .param("withCertificate[5]", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请填写政策名称").contains("请填写 0 到 100 之间的数字")
                .contains("请填写 0 到 1000000 之间的数字");
        assertThat(policies()).isEqualTo(before);

        String location = mvc.perform(post("/subsidy/policies").with(user(hrss)).with(csrf())
                        .param("name", "杭州市退役军人技能培训补贴").param("validFrom", "2026-01-01")
                        .param("payee", "LEARNER").param("minAttendance", "90").param("yearlyLimit", "2")
                        .param("livingAllowance", "500").param("priorityGroups", "VETERAN")
                        .param("livingAllowanceGroups", "VETERAN").param("programmeTypes", "EMPLOYMENT_ENTREPRENEURSHIP")
                        .param("skillLevels", "0").param("withCertificate[0]", "1200")
                        .param("withoutCertificate[0]", "800"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(policies()).isEqualTo(before + 1);
        String page = mvc.perform(get(location).with(user(hrss))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("杭州市退役军人技能培训补贴").contains("第 1 版").contains("参训人员本人")
                .contains("退役军人").contains("1200");
        String region = DataScope.asSystem(() -> jdbc.sql("select region_prefix from subsidy_policy where id = ?")
                .param(Long.parseLong(location.substring(location.lastIndexOf('/') + 1))).query(String.class).single());
        assertThat(region).isEqualTo("3301");

        String versionForm = mvc.perform(get(location + "/version").with(user(hrss))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(versionForm).contains("杭州市退役军人技能培训补贴").contains("value=\"1200\"");
        String early = mvc.perform(post(location + "/version").with(user(hrss)).with(csrf())
                        .param("name", "杭州市退役军人技能培训补贴").param("validFrom", "2025-12-01")
                        .param("payee", "LEARNER").param("minAttendance", "90").param("yearlyLimit", "2")
                        .param("livingAllowance", "500").param("withCertificate[0]", "1500"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(early).contains("新版本的生效日期须晚于当前版本的生效日期");
        String second = mvc.perform(post(location + "/version").with(user(hrss)).with(csrf())
                        .param("name", "杭州市退役军人技能培训补贴").param("validFrom", "2026-07-01")
                        .param("payee", "LEARNER").param("minAttendance", "90").param("yearlyLimit", "2")
                        .param("livingAllowance", "500").param("withCertificate[0]", "1500"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String secondPage = mvc.perform(get(second).with(user(hrss))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(secondPage).contains("第 2 版").contains("2026-06-30");

        CurrentUser trainer = accounts.load("trainer");
        String list = mvc.perform(get("/subsidy/policies").param("q", "退役军人").with(user(trainer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("杭州市退役军人技能培训补贴");
        mvc.perform(get("/subsidy/policies/new").with(user(trainer))).andExpect(status().isForbidden());
    }

    private long policies() {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from subsidy_policy").query(Long.class).single());
    }
}
