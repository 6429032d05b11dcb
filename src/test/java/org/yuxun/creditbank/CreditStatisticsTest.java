package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/**
 * Authorities see the credit bank of the institutions in their remit and nothing else, read only: the province's
 * education department both demo colleges, Ningbo's education bureau only the Ningbo college, Hangzhou's HR and
 * social-security bureau neither (they are vocational colleges, not technical schools); a college has no such page.
 */
@IntegrationTest
class CreditStatisticsTest {

    private static final String HANGZHOU_COLLEGE = "浙江育训职业技术学院";
    private static final String NINGBO_COLLEGE = "宁波海港职业技术学院";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachAuthoritySeesTheCreditBankOfTheInstitutionsInItsRemitOnly() throws Exception {
        String province = page("/credit-bank/statistics", accounts.load("zj-edu"));
        assertThat(province).contains(HANGZHOU_COLLEGE).contains(NINGBO_COLLEGE).contains("学分银行统计");
        String ningbo = page("/credit-bank/statistics", accounts.load("nb-edu"));
        assertThat(ningbo).contains(NINGBO_COLLEGE).doesNotContain(HANGZHOU_COLLEGE);
        String hrss = page("/credit-bank/statistics", accounts.load("hz-hrss"));
        assertThat(hrss).doesNotContain(HANGZHOU_COLLEGE).doesNotContain(NINGBO_COLLEGE).contains("没有符合条件的记录");
        mvc.perform(get("/credit-bank/statistics").with(user(accounts.load("college-admin"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFiguresCountTheCompletedExchangeOfTheDemoAndExportToExcel() throws Exception {
        var response = mvc.perform(get("/credit-bank/statistics/export").param("q", HANGZHOU_COLLEGE)
                        .with(user(accounts.load("zj-edu")))).andExpect(status().isOk()).andReturn().getResponse();
        Sheet sheet = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray())).getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("兑换学分");
        assertThat(sheet.getLastRowNum()).isEqualTo(1);
        Row college = sheet.getRow(1);
        assertThat(college.getCell(0).getStringCellValue()).isEqualTo(HANGZHOU_COLLEGE);
        assertThat(college.getCell(4).getNumericCellValue()).isGreaterThanOrEqualTo(1);
        assertThat(college.getCell(5).getNumericCellValue()).isGreaterThanOrEqualTo(3);
        assertThat(college.getCell(9).getNumericCellValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAuthorityReadsButCannotChangeTheCreditBankRecordsOfItsRemit() {
        CurrentUser province = accounts.load("zj-edu");
        CurrentUser ningbo = accounts.load("nb-edu");
        long hangzhouCollege = DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?")
                .param(HANGZHOU_COLLEGE).query(Long.class).single());
        String awards = "select count(*) from credit_award where institution_id = ?";
        assertThat(DataScope.as(province.dataScope(), () -> jdbc.sql(awards).param(hangzhouCollege).query(Long.class)
                .single())).isPositive();
        assertThat(DataScope.as(ningbo.dataScope(), () -> jdbc.sql(awards).param(hangzhouCollege).query(Long.class)
                .single())).isZero();
        assertThat(DataScope.as(province.dataScope(), () -> jdbc.sql(
                "update credit_award set credits = credits + 1 where institution_id = ?").param(hangzhouCollege)
                .update())).isZero();
        assertThat(DataScope.as(province.dataScope(), () -> jdbc.sql(
                "update credit_application set status = 'SUBMITTED' where institution_id = ?").param(hangzhouCollege)
                .update())).isZero();
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void anAuthorityOpensACollegeInItsRemitToReadItsApplicationsAndSubmissions() throws Exception {
        long hangzhouCollege = DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?")
                .param(HANGZHOU_COLLEGE).query(Long.class).single());
        CurrentUser province = accounts.load("zj-edu");
        assertThat(page("/credit-bank/statistics", province))
                .contains("/credit-bank/statistics/" + hangzhouCollege);
        String applications = page("/credit-bank/statistics/" + hangzhouCollege, province);
        assertThat(applications).contains(HANGZHOU_COLLEGE).contains("智慧健康养老服务与管理（三年制高职）")
                .contains("已审核").doesNotContain("/accept").doesNotContain("/reject");
        String submissions = page("/credit-bank/statistics/" + hangzhouCollege + "?view=submissions", province);
        assertThat(submissions).contains("王小明").contains("工业机器人技术应用");
        mvc.perform(get("/credit-bank/statistics/" + hangzhouCollege).with(user(accounts.load("nb-edu"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/credit-bank/statistics/" + hangzhouCollege).with(user(accounts.load("hz-hrss"))))
                .andExpect(status().isNotFound());
    }
}
