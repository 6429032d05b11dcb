package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.PersonRegistry;

/**
 * The apprenticeship subsidy's review and settlement rules:
 * <ul>
 *   <li>only the HRSS authority of the enterprise's city decides (seeds/002 L1249): the provincial officer, whose
 *   remit covers the enterprise, sees the filing but no button, and a decision sent anyway is refused with the
 *   reason and changes nothing;</li>
 *   <li>an advance larger than what the actual training earned is reclaimed (应退回), recorded once, shown and
 *   audited;</li>
 *   <li>the totals page and its Excel export count the advance and the reclaim, apart from claims.</li>
 * </ul>
 */
@IntegrationTest
class ApprenticeshipCityReviewTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Test
    void onlyTheCityAuthorityDecidesAndAnOverAdvanceIsReclaimedAndTotalled() throws Exception {
        SubsidyFixture fixture = new SubsidyFixture(jdbc, persons);
        SubsidyFixture.TestClass c = fixture.apprenticeshipClass(2);
        CurrentUser hr = accounts.load("ent-hr");
        CurrentUser province = accounts.load("zj-hrss");
        CurrentUser city = accounts.load("hz-hrss");

        String location = mvc.perform(filing(c).with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/subsidy/apprenticeships/".length()));
        assertThat(statusOf(fixture, id)).isEqualTo("FILED");

        // the province sees the filing, is told who reviews it, and gets no buttons
        String seen = mvc.perform(get(location).with(user(province))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(seen).contains(c.className(), "企业所在地的市级人力资源社会保障部门审核本备案")
                .doesNotContain("id=\"approve\"", "/return\"");
        // a decision sent anyway is refused with the reason and changes nothing
        int version = version(fixture, id);
        mvc.perform(post(location + "/approve").param("version", String.valueOf(version)).with(user(province))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("市级人力资源社会保障部门审核")));
        mvc.perform(post(location + "/return").param("version", String.valueOf(version))
                        .param("reason", "材料不全").with(user(province)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("市级人力资源社会保障部门审核")));
        assertThat(statusOf(fixture, id)).isEqualTo("FILED");
        assertThat(fixture.id("select count(*) from subsidy_disbursement where apprenticeship_id = ?", id)).isZero();

        // the city officer sees the button and approves: 2 × 5,000 × 1 year × 50 %
        assertThat(mvc.perform(get(location).with(user(city))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"approve\"").doesNotContain("企业所在地的市级人力资源社会保障部门审核本备案");
        mvc.perform(post(location + "/approve").param("version", String.valueOf(version)).with(user(city))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(fixture, id)).isEqualTo("APPROVED");
        assertThat(amount(fixture, id, "APPRENTICESHIP_ADVANCE")).isEqualByComparingTo("5000.00");

        // the class ends after five of the twelve filed months; one apprentice completes, the other does not
        fixture.update("update training_class set status = 'COMPLETED', completed_at = ? where id = ?",
                Timestamp.valueOf(c.start().plusMonths(5).minusDays(1).atTime(12, 0)), c.classId());
        fixture.update("update enrolment set status = 'COMPLETED' where id = ?", c.enrolments().get(0));
        fixture.update("update enrolment set status = 'NOT_COMPLETED' where id = ?", c.enrolments().get(1));
        mvc.perform(post(location + "/balance").param("version", String.valueOf(version(fixture, id)))
                        .param("invoice", "INV-" + fixture.tag)
                        .param("certificate_" + c.enrolments().get(0), "Y" + fixture.tag)
                        .with(user(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(fixture, id)).isEqualTo("BALANCE_REQUESTED");
        // earned 5,000 × 5 / 12 = 2,083.33 by the one who completed, nothing by the other, against 5,000 advanced
        String requested = mvc.perform(get(location).with(user(city))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(requested).contains("企业应退回 2,916.67 元", "-416.67", "-2500.00", "批准结算（企业应退回）");

        // the province cannot settle either
        version = version(fixture, id);
        mvc.perform(post(location + "/balance/approve").param("version", String.valueOf(version))
                        .with(user(province)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("市级人力资源社会保障部门审核")));
        assertThat(statusOf(fixture, id)).isEqualTo("BALANCE_REQUESTED");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(location + "/balance/approve").param("version", String.valueOf(version))
                    .with(user(city)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(statusOf(fixture, id)).isEqualTo("SETTLED");
        assertThat(amount(fixture, id, "APPRENTICESHIP_RECLAIM")).isEqualByComparingTo("2916.67");
        assertThat(fixture.id("select count(*) from subsidy_disbursement where apprenticeship_id = ?", id))
                .isEqualTo(2);
        assertThat(fixture.id("""
                select count(*) from audit_event where object_type = 'SubsidyApprenticeship' and object_id = ?::text
                  and action = 'APPROVE_BALANCE' and summary like '%应退回 2916.67 元%'""", id)).isEqualTo(1);
        String settled = mvc.perform(get(location).with(user(hr))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(settled).contains("企业应退回 2,916.67 元", "XTZ-" + id + "-TH", "应退回");
        String list = mvc.perform(get("/subsidy/apprenticeships").param("q", c.className()).with(user(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(c.className(), "5000.00", "应退回 2,916.67 元");

        // totals by programme: the advance, no balance, the reclaim, and what it cost in the end
        String totals = mvc.perform(get("/subsidy/totals").param("by", "PROGRAMME").with(user(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(totals).contains("企业新型学徒制补贴", "应退回（元）", c.programmeName());
        String row = totals.substring(totals.indexOf(c.programmeName()));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("5000.00", "2916.67", "2083.33");
        List<String> cells = excelRow(mvc.perform(get("/subsidy/totals/export").param("by", "PROGRAMME")
                        .with(user(city))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), c.programmeName());
        assertThat(cells).containsSubsequence("2.0", "5000.0", "0.0", "2916.67", "2083.33");
        // by priority group, apprentices form their own row
        assertThat(mvc.perform(get("/subsidy/totals").param("by", "GROUP").with(user(city))).andReturn()
                .getResponse().getContentAsString()).contains("企业新型学徒（不区分重点人群）");
        // the institution's training officer sees claims only
        assertThat(mvc.perform(get("/subsidy/totals").param("by", "PROGRAMME").with(user(accounts.load("trainer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("企业新型学徒制补贴", c.programmeName());

        // the enterprise pays the over-advance back; the city records it once, the province may not
        assertThat(settled).doesNotContain("id=\"record-return\"");
        assertThat(requestedPage(location, city)).contains("id=\"record-return\"");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String day = today.minusDays(1).toString();
        mvc.perform(post(location + "/returned").param("returnedOn", day)
                        .param("reference", "TH-" + fixture.tag).with(user(province)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("市级人力资源社会保障部门审核")));
        mvc.perform(post(location + "/returned").param("returnedOn", today.plusDays(3).toString())
                        .param("reference", "TH-" + fixture.tag).with(user(city)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("退回日期不能晚于今天")));
        mvc.perform(post(location + "/returned").param("returnedOn", day).param("reference", " ")
                        .with(user(city)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("请填写退回凭证号")));
        assertThat(fixture.value("""
                select count(*) from subsidy_disbursement
                where apprenticeship_id = ? and returned_on is not null""", Long.class, id)).isZero();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(location + "/returned").param("returnedOn", day).param("reference", "TH-" + fixture.tag)
                    .with(user(city)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        String returned = requestedPage(location, hr);
        assertThat(returned).contains("企业已于 " + day + " 退回 2,916.67 元（凭证 TH-" + fixture.tag + "）")
                .doesNotContain("id=\"owed\"");
        assertThat(requestedPage(location, city)).doesNotContain("id=\"record-return\"");
        assertThat(fixture.id("""
                select count(*) from audit_event where object_type = 'SubsidyApprenticeship' and object_id = ?::text
                  and action = 'RECORD_RETURN'""", id)).isEqualTo(1);
    }

    private String requestedPage(String location, CurrentUser who) throws Exception {
        return mvc.perform(get(location).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> excelRow(byte[] workbook, String key) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("应退回（元）");
            for (Row r : sheet) {
                if (key.equals(r.getCell(0).toString())) {
                    List<String> cells = new ArrayList<>();
                    r.forEach(cell -> cells.add(cell.toString()));
                    return cells;
                }
            }
        }
        throw new AssertionError("no row " + key);
    }

    private MockMultipartHttpServletRequestBuilder filing(SubsidyFixture.TestClass c) {
        MockMultipartHttpServletRequestBuilder request = multipart("/subsidy/apprenticeships");
        request.param("classId", String.valueOf(c.classId()));
        request.file(new MockMultipartFile("plan", "培训计划.pdf", "application/pdf", pdf()));
        for (long e : c.enrolments()) {
            request.param("contractStart_" + e, c.start().minusMonths(1).toString());
            request.param("contractEnd_" + e, c.end().plusYears(2).toString());
            request.file(new MockMultipartFile("contract_" + e, "合同-" + e + ".pdf", "application/pdf", pdf()));
        }
        return request;
    }

    private static byte[] pdf() {
        return "%PDF-1.4 apprenticeship".getBytes(StandardCharsets.UTF_8);
    }

    private static String statusOf(SubsidyFixture fixture, long id) {
        return fixture.value("select status from subsidy_apprenticeship where id = ?", String.class, id);
    }

    private static int version(SubsidyFixture fixture, long id) {
        return fixture.value("select version from subsidy_apprenticeship where id = ?", Integer.class, id);
    }

    private static BigDecimal amount(SubsidyFixture fixture, long id, String kind) {
        return fixture.value("select amount from subsidy_disbursement where apprenticeship_id = ? and kind = ?",
                BigDecimal.class, id, kind);
    }
}
