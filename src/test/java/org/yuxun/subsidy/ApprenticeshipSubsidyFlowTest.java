package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/**
 * The apprenticeship subsidy through the pages: the demo enterprise's HR files its one-year apprenticeship class
 * (refused first for a missing plan, a short contract and a class it did not commission), the Hangzhou HRSS officer
 * returns it, the enterprise files it again, the officer approves it and the advance is recorded once; after
 * completion the enterprise applies for the balance with certificate numbers and an invoice, the officer approves
 * and the balance — the actual ten months of the two apprentices, minus the advance — is recorded once. (The
 * provincial officer's part and an advance larger than what was earned: {@code ApprenticeshipCityReviewTest}.)
 */
@IntegrationTest
class ApprenticeshipSubsidyFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void enterpriseFilesTheOfficerApprovesTheAdvanceThenTheBalanceIsPaidOnce() throws Exception {
        CurrentUser hr = accounts.load("ent-hr");
        CurrentUser hrss = accounts.load("hz-hrss");
        CurrentUser trainer = accounts.load("trainer");
        long classId = system("select id from training_class where name = '装配钳工学徒班（一年制）'", Long.class);
        LocalDate start = system("select start_date from training_class where id = " + classId, LocalDate.class);
        LocalDate end = system("select end_date from training_class where id = " + classId, LocalDate.class);
        List<Long> enrolments = DataScope.asSystem(() -> jdbc.sql(
                "select id from enrolment where class_id = ? order by id").param(classId).query(Long.class).list());
        assertThat(enrolments).hasSize(2);

        String list = mvc.perform(get("/subsidy/apprenticeships").with(user(hr))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("数控车工学徒班（两年制）", "装配钳工学徒班（一年制）");
        mvc.perform(get("/subsidy/apprenticeships/new").param("classId", String.valueOf(classId)).with(user(hr)))
                .andExpect(status().isOk());

        // no plan, and the first contract runs for less than a year: refused at the fields, nothing saved
        String refused = mvc.perform(filing(classId, enrolments, start, end, false, start.plusMonths(6))
                        .with(user(hr)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请上传文件", "劳动合同期限应在 1 年以上");
        assertThat(count("select count(*) from subsidy_apprenticeship where class_id = ?", classId)).isZero();

        // a class the enterprise did not commission
        long otherClass = system("""
                select c.id from training_class c join institution i on i.id = c.institution_id
                where i.name = '浙江育训职业技术学院' and c.enterprise_id is null limit 1""", Long.class);
        mvc.perform(filing(otherClass, enrolments, start, end, true, end.plusYears(1)).with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from subsidy_apprenticeship where class_id = ?", otherClass)).isZero();

        String location = mvc.perform(filing(classId, enrolments, start, end, true, end.plusYears(1))
                        .with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/subsidy/apprenticeships/".length()));
        assertThat(statusOf(id)).isEqualTo("FILED");
        assertThat(count("select count(*) from subsidy_apprentice where apprenticeship_id = ?", id)).isEqualTo(2);
        assertThat(mvc.perform(get("/subsidy/apprenticeships/" + id + "/plan").with(user(hrss)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isNotEmpty();

        // filing twice changes nothing
        String again = mvc.perform(filing(classId, enrolments, start, end, true, end.plusYears(1))
                        .with(user(hr)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该培训班已备案");
        assertThat(count("select count(*) from subsidy_apprenticeship where class_id = ?", classId)).isEqualTo(1);

        // the training officer of the institution has no say
        mvc.perform(post("/subsidy/apprenticeships/" + id + "/approve").param("version", "0").with(user(trainer))
                .with(csrf())).andExpect(status().isForbidden());

        // returned without a reason: refused; with one: returned, then filed again
        mvc.perform(post("/subsidy/apprenticeships/" + id + "/return").param("version", String.valueOf(version(id)))
                .param("reason", " ").with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("FILED");
        mvc.perform(post("/subsidy/apprenticeships/" + id + "/return").param("version", String.valueOf(version(id)))
                .param("reason", "培训计划缺少企业导师安排").with(user(hrss)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("RETURNED");
        mvc.perform(filing(classId, enrolments, start, end, true, end.plusYears(1)).with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("FILED");

        String detail = mvc.perform(get("/subsidy/apprenticeships/" + id).with(user(hrss))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("装配钳工学徒班（一年制）", "5000.00");

        int version = version(id);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/subsidy/apprenticeships/" + id + "/approve").param("version", String.valueOf(version))
                    .with(user(hrss)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        // 5,000 a year × 1 year × 50 % for each of the two apprentices
        assertThat(paid(id, "APPRENTICESHIP_ADVANCE")).isEqualByComparingTo("5000.00");
        assertThat(count("select count(*) from subsidy_disbursement where apprenticeship_id = ?", id)).isEqualTo(1);

        // the balance only after completion
        mvc.perform(balance(id, enrolments, "INV-2026-001").with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("APPROVED");

        // completed after ten of the twelve filed months by both apprentices
        DataScope.asSystem(() -> {
            jdbc.sql("update training_class set status = 'COMPLETED', completed_at = ? where id = ?")
                    .params(java.sql.Timestamp.valueOf(start.plusMonths(10).minusDays(1).atTime(12, 0)), classId)
                    .update();
            jdbc.sql("update enrolment set status = 'COMPLETED' where id = ?").param(enrolments.get(0)).update();
            jdbc.sql("update enrolment set status = 'COMPLETED' where id = ?").param(enrolments.get(1)).update();
        });
        mvc.perform(balance(id, enrolments, " ").with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        mvc.perform(balance(id, enrolments, "INV-2026-001").with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("BALANCE_REQUESTED");

        // returned once for a missing invoice copy, applied for again
        mvc.perform(post("/subsidy/apprenticeships/" + id + "/return").param("version", String.valueOf(version(id)))
                .param("reason", "请补交发票复印件").with(user(hrss)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("BALANCE_RETURNED");
        mvc.perform(balance(id, enrolments, "INV-2026-001").with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("BALANCE_REQUESTED");

        version = version(id);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/subsidy/apprenticeships/" + id + "/balance/approve")
                    .param("version", String.valueOf(version)).with(user(hrss)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(statusOf(id)).isEqualTo("SETTLED");
        // (5,000 × 10 / 12 − 2,500) for each of the two apprentices who completed with a certificate
        assertThat(paid(id, "APPRENTICESHIP_BALANCE")).isEqualByComparingTo("3333.34");
        assertThat(count("select count(*) from subsidy_disbursement where apprenticeship_id = ?", id)).isEqualTo(2);
        assertThat(count("""
                select count(*) from audit_event where object_type = 'SubsidyApprenticeship' and object_id = ?::text
                  and action in ('FILE', 'REFILE', 'RETURN', 'APPROVE', 'REQUEST_BALANCE', 'APPROVE_BALANCE')""", id))
                .isEqualTo(8);

        String settled = mvc.perform(get("/subsidy/apprenticeships/" + id).with(user(hr))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(settled).contains("1666.67", "3333.34", "INV-2026-001");
    }

    @Test
    void theDemoFilingsAreSeenByTheirEnterpriseAndTheCityOfficerOnlyWithTheirPayments() throws Exception {
        CurrentUser hr = accounts.load("ent-hr");
        CurrentUser hrss = accounts.load("hz-hrss");
        long id = system("""
                select a.id from subsidy_apprenticeship a join training_class c on c.id = a.class_id
                where c.name = '数控车工学徒班（两年制）'""", Long.class);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        // 3 apprentices × 5,000 a year × 2 years × 50 %
        assertThat(paid(id, "APPRENTICESHIP_ADVANCE")).isEqualByComparingTo("15000.00");

        String list = mvc.perform(get("/subsidy/apprenticeships").with(user(hrss))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("数控车工学徒班（两年制）", "杭州智造装备有限公司");
        String detail = mvc.perform(get("/subsidy/apprenticeships/" + id).with(user(hr))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("15000.00", "XTZ-" + id + "-YF");
        long apprentice = count("select min(id) from subsidy_apprentice where apprenticeship_id = ?", id);
        mvc.perform(get("/subsidy/apprenticeships/" + id + "/apprentices/" + apprentice + "/contract")
                .with(user(hrss))).andExpect(status().isOk());
        byte[] workbook = mvc.perform(get("/subsidy/apprenticeships/export").with(user(hrss)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(workbook).startsWith((byte) 'P', (byte) 'K');

        // another enterprise and the Ningbo HRSS authority see none of it
        long elderCare = system("select id from enterprise where name = '杭州康养服务集团有限公司'", Long.class);
        assertThat(visible(new DataScope(DataScope.Kind.ENTERPRISE, null, null, elderCare, null), id)).isZero();
        assertThat(visible(new DataScope(DataScope.Kind.HRSS_AUTHORITY, null, null, 0L, "3302"), id)).isZero();
        assertThat(visible(hrss.dataScope(), id)).isEqualTo(3);
        assertThat(visible(hr.dataScope(), id)).isEqualTo(3);
        mvc.perform(get("/subsidy/apprenticeships/" + id).with(user(accounts.load("trainer"))))
                .andExpect(status().isForbidden());

        // the class that ended after five of its twelve months is settled with the over-advance to be returned:
        // 2 × 2,500 advanced, 2 × 5,000 × 5 / 12 earned
        long settled = system("""
                select a.id from subsidy_apprenticeship a join training_class c on c.id = a.class_id
                where c.name = '焊工学徒班（提前结业）'""", Long.class);
        assertThat(statusOf(settled)).isEqualTo("SETTLED");
        assertThat(paid(settled, "APPRENTICESHIP_RECLAIM")).isEqualByComparingTo("833.34");
        assertThat(mvc.perform(get("/subsidy/apprenticeships/" + settled).with(user(hr))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("企业应退回 833.34 元");
    }

    /** How many of the filing, its first apprentice and its advance the scope reads. */
    private long visible(DataScope scope, long id) {
        return DataScope.as(scope, () -> jdbc.sql("""
                        select (select count(*) from subsidy_apprenticeship where id = ?)
                             + (select least(count(*), 1) from subsidy_apprentice where apprenticeship_id = ?)
                             + (select count(*) from subsidy_disbursement where apprenticeship_id = ?)""")
                .params(id, id, id).query(Long.class).single());
    }

    private MockMultipartHttpServletRequestBuilder filing(long classId, List<Long> enrolments, LocalDate start,
                                                         LocalDate end, boolean withPlan, LocalDate firstContractEnd) {
        MockMultipartHttpServletRequestBuilder request = multipart("/subsidy/apprenticeships");
        request.param("classId", String.valueOf(classId));
        if (withPlan) {
            request.file(new MockMultipartFile("plan", "培训计划.pdf", "application/pdf", pdf()));
        }
        for (int i = 0; i < enrolments.size(); i++) {
            long e = enrolments.get(i);
            request.param("contractStart_" + e, start.minusMonths(1).toString());
            request.param("contractEnd_" + e, (i == 0 ? firstContractEnd : end.plusYears(2)).toString());
            request.file(new MockMultipartFile("contract_" + e, "合同-" + e + ".pdf", "application/pdf", pdf()));
        }
        return request;
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder balance(
            long id, List<Long> enrolments, String invoice) {
        var request = post("/subsidy/apprenticeships/" + id + "/balance").param("version", String.valueOf(version(id)))
                .param("invoice", invoice);
        for (int i = 0; i < enrolments.size(); i++) {
            request.param("certificate_" + enrolments.get(i), "Y33010026000" + (i + 1));
        }
        return request;
    }

    private static byte[] pdf() {
        return "%PDF-1.4 apprenticeship".getBytes(StandardCharsets.UTF_8);
    }

    private <T> T system(String sql, Class<T> type) {
        return DataScope.asSystem(() -> jdbc.sql(sql).query(type).single());
    }

    private long count(String sql, long id) {
        return DataScope.asSystem(() -> jdbc.sql(sql).param(id).query(Long.class).single());
    }

    private String statusOf(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select status from subsidy_apprenticeship where id = ?").param(id)
                .query(String.class).single());
    }

    private int version(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select version from subsidy_apprenticeship where id = ?").param(id)
                .query(Integer.class).single());
    }

    private BigDecimal paid(long id, String kind) {
        return DataScope.asSystem(() -> jdbc.sql(
                        "select amount from subsidy_disbursement where apprenticeship_id = ? and kind = ?")
                .params(id, kind).query(BigDecimal.class).single());
    }
}
