package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/**
 * The "done when", through the pages: the demo training officer generates the claim of the completed demo
 * class, the learner subsidised last year at another institution is flagged with the reason, the claim is
 * submitted, the demo HRSS officer approves the rest and records the payment, the totals show the amounts; a
 * second submit, approval, completion or payment changes nothing.
 */
@IntegrationTest
class SubsidyClaimFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void trainingOfficerClaimsTheCompletedDemoClassAndTheCityHrssOfficerApprovesAndPaysIt() throws Exception {
        CurrentUser trainer = accounts.load("trainer");
        CurrentUser hrss = accounts.load("hz-hrss");
        long classId = system("""
                select c.id from training_class c join institution i on i.id = c.institution_id
                where i.name = '浙江育训职业技术学院' and c.name = '养老护理员（五级）2026 年第 1 期'""");
        String className = DataScope.asSystem(() -> jdbc.sql("select name from training_class where id = ?")
                .param(classId).query(String.class).single());

        String list = mvc.perform(get("/subsidy/claims").with(user(trainer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(className);

        String location = mvc.perform(post("/subsidy/claims").param("classId", String.valueOf(classId))
                        .with(user(trainer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/subsidy/claims/");
        long claimId = Long.parseLong(location.substring("/subsidy/claims/".length()));

        List<Map<String, Object>> lines = DataScope.asSystem(() -> jdbc.sql("""
                        select learner_name, eligible, status, array_to_string(findings, '|') as findings, amount
                        from subsidy_claim_line where claim_id = ? order by id""")
                .param(claimId).query().listOfRows());
        assertThat(lines).hasSizeGreaterThan(3);
        List<Map<String, Object>> duplicates = lines.stream()
                .filter(l -> ((String) l.get("findings")).contains("同一职业同一等级只补贴一次")).toList();
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.getFirst().get("eligible")).isEqualTo(false);
        assertThat((String) duplicates.getFirst().get("findings"))
                .contains("在其他机构享受「养老护理员 五级/初级工」培训补贴").doesNotContain("杭州市高级技工学校");
        long eligible = lines.stream().filter(l -> (Boolean) l.get("eligible")).count();
        assertThat(eligible).isPositive();

        String page = mvc.perform(get(location).with(user(trainer))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("同一职业同一等级只补贴一次").contains((String) duplicates.getFirst().get("learner_name"));

        int version = version(claimId);
        mvc.perform(post(location + "/submit").param("version", String.valueOf(version)).with(user(trainer))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(claimStatus(claimId)).isEqualTo("SUBMITTED");
        Object submittedAt = system("select submitted_at from subsidy_claim where id = ?", claimId);
        var again = mvc.perform(post(location + "/submit").param("version", String.valueOf(version))
                .with(user(trainer)).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("unchanged")).isEqualTo(true);
        assertThat((Object) system("select submitted_at from subsidy_claim where id = ?", claimId))
                .isEqualTo(submittedAt);
        assertThat(auditCount("SUBMIT", claimId)).isEqualTo(1);
        assertThat(count("select count(*) from subsidy_claim_line where claim_id = ? and status = 'PENDING'",
                claimId)).isEqualTo(eligible);

        CurrentUser province = accounts.load("zj-hrss");
        String provincePage = mvc.perform(get(location).with(user(province))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(provincePage).as("the province sees the claim, the city reviews it").contains("id=\"city-reviews\"")
                .doesNotContain("id=\"approve-pending\"").doesNotContain("id=\"complete-review\"");
        var refused = mvc.perform(post(location + "/approve-pending").with(user(province)).with(csrf())).andReturn();
        assertThat((String) refused.getFlashMap().get("problem")).contains("市级人力资源社会保障部门审核和拨付");
        long firstPending = system("select min(id) from subsidy_claim_line where claim_id = ? and status = 'PENDING'",
                claimId);
        mvc.perform(post(location + "/lines/" + firstPending).param("decision", "APPROVE").with(user(province))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from subsidy_claim_line where claim_id = ? and status = 'PENDING'",
                claimId)).as("nothing decided by the province").isEqualTo(eligible);

        String reviewPage = mvc.perform(get(location).with(user(hrss))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(reviewPage).as("the HRSS reviewer opens the details behind the finding").contains("杭州市高级技工学校")
                .contains("id=\"approve-pending\"").doesNotContain("id=\"city-reviews\"");
        assertThat(page).as("the claiming institution reads the finding only").doesNotContain("杭州市高级技工学校");
        mvc.perform(post(location + "/approve-pending").with(user(hrss)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from subsidy_claim_line where claim_id = ? and status = 'APPROVED'",
                claimId)).isEqualTo(eligible);
        var secondApproval = mvc.perform(post(location + "/approve-pending").with(user(hrss)).with(csrf()))
                .andReturn();
        assertThat(secondApproval.getFlashMap().get("unchanged")).isEqualTo(true);

        int reviewVersion = version(claimId);
        mvc.perform(post(location + "/complete-review").param("version", String.valueOf(reviewVersion))
                .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(claimStatus(claimId)).isEqualTo("REVIEWED");
        var secondReviewer = mvc.perform(post(location + "/complete-review")
                .param("version", String.valueOf(reviewVersion)).with(user(hrss)).with(csrf())).andReturn();
        assertThat(secondReviewer.getFlashMap().get("unchanged")).isEqualTo(true);
        assertThat(auditCount("COMPLETE_REVIEW", claimId)).isEqualTo(1);

        int payVersion = version(claimId);
        mvc.perform(post(location + "/payment").param("version", String.valueOf(payVersion))
                .param("paidOn", "2026-12-01").param("reference", "HZRS-BT-2026-1201")
                .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(claimStatus(claimId)).isEqualTo("PAID");
        mvc.perform(post(location + "/payment").param("version", String.valueOf(payVersion))
                .param("paidOn", "2026-12-02").param("reference", "HZRS-BT-2026-1202")
                .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from subsidy_disbursement where claim_id = ?", claimId))
                .isEqualTo(eligible);
        BigDecimal paid = DataScope.asSystem(() -> jdbc.sql(
                        "select sum(amount) from subsidy_disbursement where claim_id = ?")
                .param(claimId).query(BigDecimal.class).single());
        BigDecimal claimed = DataScope.asSystem(() -> jdbc.sql(
                        "select sum(amount + living_allowance) from subsidy_claim_line where claim_id = ? and eligible")
                .param(claimId).query(BigDecimal.class).single());
        assertThat(paid).isPositive().isEqualByComparingTo(claimed);

        String totals = mvc.perform(get("/subsidy/totals").param("by", "PROGRAMME").with(user(hrss)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(totals).contains("养老护理员").contains(paid.toPlainString());
        var export = mvc.perform(get("/subsidy/totals/export").with(user(hrss))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(export.getContentType()).contains("spreadsheetml");
    }

    @Test
    void rejectingALineWithoutAReasonIsRefusedAtTheLineAndChangesNothing() throws Exception {
        CurrentUser hrss = accounts.load("hz-hrss");
        var result = mvc.perform(post("/subsidy/claims/999999999/lines/1").param("decision", "REJECT")
                .with(user(hrss)).with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("problem")).isEqualTo("驳回或退回修改须填写理由");
    }

    private <T> T system(String sql, Object... params) {
        return DataScope.asSystem(() -> {
            @SuppressWarnings("unchecked")
            T value = (T) jdbc.sql(sql).params(params).query().singleValue();
            return value;
        });
    }

    private long count(String sql, long id) {
        return DataScope.asSystem(() -> jdbc.sql(sql).param(id).query(Long.class).single());
    }

    private int version(long claimId) {
        return DataScope.asSystem(() -> jdbc.sql("select version from subsidy_claim where id = ?").param(claimId)
                .query(Integer.class).single());
    }

    private String claimStatus(long claimId) {
        return DataScope.asSystem(() -> jdbc.sql("select status from subsidy_claim where id = ?").param(claimId)
                .query(String.class).single());
    }

    private long auditCount(String action, long claimId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = ? and object_type = 'SubsidyClaim'
                          and object_id = ?""")
                .params(action, String.valueOf(claimId)).query(Long.class).single());
    }
}
