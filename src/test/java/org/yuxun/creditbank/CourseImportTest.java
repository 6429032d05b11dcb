package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/** The Excel import of courses: every row checked and reported, nothing stored before the user confirms. */
@IntegrationTest
class CourseImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsEveryWrongRowAndStoresTheValidOnesOnlyWhenConfirmed() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CurrentUser ningbo = accounts.load("nb-college");
        byte[] file = workbook(List.of(
                List.of("工业机器人技术（三年制高职）", "IMP" + tag, "工业机器人离线编程", "3", "专业核心课"),
                List.of("不存在的专业", "IMQ" + tag, "某课程", "2", "专业核心课"),
                List.of("工业机器人技术（三年制高职）", "ROB1101", "重复代码的课程", "2", "专业核心课"),
                List.of("工业机器人技术（三年制高职）", "IMR" + tag, "学分有误的课程", "两", "选修课")));
        MvcResult upload = mvc.perform(multipart("/credit-bank/courses/import")
                        .file(new MockMultipartFile("file", "courses.xlsx", "application/octet-stream", file))
                        .with(user(ningbo)).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String report = upload.getResponse().getContentAsString();
        // the checked rows wait in the session, which lives in PostgreSQL and is found by its cookie
        Cookie session = upload.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(report).contains("可导入 1 行，有误 3 行").contains("本校没有名为“不存在的专业”的学历专业（方向）")
                .contains("本校已有该课程代码").contains("学分不是数字");
        assertThat(count("IMP" + tag)).as("nothing stored before confirming").isZero();

        mvc.perform(post("/credit-bank/courses/import/confirm").cookie(session).with(user(ningbo)).with(csrf()))
                .andExpect(redirectedUrl("/credit-bank/courses"));
        assertThat(count("IMP" + tag)).isEqualTo(1);
        assertThat(count("IMR" + tag)).isZero();
        String courses = mvc.perform(get("/credit-bank/courses").param("q", "IMP" + tag).with(user(ningbo)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(courses).contains("工业机器人离线编程");
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() throws Exception {
        String page = mvc.perform(multipart("/credit-bank/courses/import")
                        .file(new MockMultipartFile("file", "courses.xlsx", "application/octet-stream",
                                "not excel".getBytes()))
                        .with(user(accounts.load("nb-college"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("无法读取该文件");
    }

    private long count(String code) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from academic_course where code = ?").param(code)
                .query(Long.class).single());
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("学历专业（方向）");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
