package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DataScope;

/**
 * A claim returned for correction and generated again keeps the lines the reviewer approved exactly as they were
 * (amount, evidence, review) and recomputes only the others; submitting it again leaves the approved lines
 * approved, so the reviewer decides only what was returned, and the payment pays the approved line as approved.
 */
@IntegrationTest
class SubsidyClaimRegenerateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Test
    void regeneratingAReturnedClaimKeepsTheApprovedLines() throws Exception {
        SubsidyFixture fixture = new SubsidyFixture(jdbc, persons);
        SubsidyFixture.TestClass c = fixture.completedSubsidisedClass(2);
        CurrentUser trainer = accounts.load("trainer");
        CurrentUser hrss = accounts.load("hz-hrss");
        String location = mvc.perform(post("/subsidy/claims").param("classId", String.valueOf(c.classId()))
                        .with(user(trainer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long claimId = Long.parseLong(location.substring("/subsidy/claims/".length()));
        long approved = line(fixture, claimId, c.enrolments().get(0));
        long returned = line(fixture, claimId, c.enrolments().get(1));

        // as a review would leave it: the first line approved on the evidence then submitted, the second returned
        fixture.update("""
                update subsidy_claim_line set eligible = true, status = 'APPROVED', amount = 1234.00,
                                              attendance_rate = 0.9500, certificate_no = 'KEEP-001',
                                              findings = '{}', reviewed_by = ?, reviewed_at = now()
                where id = ?""", hrss.id(), approved);
        fixture.update("""
                update subsidy_claim_line set eligible = true, status = 'RETURNED', amount = 999.00, findings = '{}',
                                              review_reason = '请补充出勤记录', reviewed_by = ?, reviewed_at = now()
                where id = ?""", hrss.id(), returned);
        fixture.update("update subsidy_claim set status = 'RETURNED', submitted_at = now() where id = ?", claimId);
        Map<String, Object> before = row(claimId, approved);

        mvc.perform(post(location + "/regenerate").with(user(trainer)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(row(claimId, approved)).isEqualTo(before);
        // the returned line was recomputed from the records: no attendance was recorded, so it is not eligible
        assertThat(fixture.id("select count(*) from subsidy_claim_line where id = ?", returned)).isZero();
        Map<String, Object> recomputed = DataScope.asSystem(() -> jdbc.sql("""
                        select status, eligible, amount, array_to_string(findings, '|') as findings, review_reason
                        from subsidy_claim_line where claim_id = ? and enrolment_id = ?""")
                .params(claimId, c.enrolments().get(1)).query().singleRow());
        assertThat(recomputed.get("status")).isEqualTo("NOT_ELIGIBLE");
        assertThat((String) recomputed.get("findings")).contains("出勤率");
        assertThat(recomputed.get("review_reason")).isNull();

        // submitted again: the approved line stays approved, nothing is pending, the review completes and pays it
        int version = fixture.value("select version from subsidy_claim where id = ?", Integer.class, claimId);
        mvc.perform(post(location + "/submit").param("version", String.valueOf(version)).with(user(trainer))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(fixture.value("select status from subsidy_claim_line where id = ?", String.class, approved))
                .isEqualTo("APPROVED");
        version = fixture.value("select version from subsidy_claim where id = ?", Integer.class, claimId);
        mvc.perform(post(location + "/complete-review").param("version", String.valueOf(version))
                .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(fixture.value("select status from subsidy_claim where id = ?", String.class, claimId))
                .isEqualTo("REVIEWED");
        version = fixture.value("select version from subsidy_claim where id = ?", Integer.class, claimId);
        mvc.perform(post(location + "/payment").param("version", String.valueOf(version))
                .param("paidOn", java.time.LocalDate.now().toString()).param("reference", "HZ-" + fixture.tag)
                .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        List<Map<String, Object>> paid = DataScope.asSystem(() -> jdbc.sql(
                        "select line_id, amount from subsidy_disbursement where claim_id = ?")
                .param(claimId).query().listOfRows());
        assertThat(paid).hasSize(1);
        assertThat(((Number) paid.getFirst().get("line_id")).longValue()).isEqualTo(approved);
        assertThat(paid.getFirst().get("amount").toString()).isEqualTo("1234.00");
    }

    private static long line(SubsidyFixture fixture, long claimId, long enrolment) {
        return fixture.id("select id from subsidy_claim_line where claim_id = ? and enrolment_id = ?", claimId,
                enrolment);
    }

    private Map<String, Object> row(long claimId, long lineId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select id, status, eligible, amount, living_allowance, attendance_rate, certificate_no,
                               array_to_string(findings, '|') as findings, reviewed_by, reviewed_at, review_reason
                        from subsidy_claim_line where claim_id = ? and id = ?""")
                .params(claimId, lineId).query().singleRow());
    }
}
