package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import org.yuxun.shared.DataScope;
import org.yuxun.shared.IdentityNumber;

/**
 * The Excel import of students: rows checked and reported with masked identity numbers, nothing stored before
 * confirming, then the valid rows registered and enrolled.
 */
@IntegrationTest
class StudentImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsWrongRowsWithMaskedNumbersAndEnrolsTheValidOnesWhenConfirmed() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String good = number();
        String other = number();
        byte[] file = workbook(List.of(
                List.of("工业机器人技术（三年制高职）", "S" + tag, "居民身份证", good, "林一" + name(tag), "", "2026-09-01"),
                List.of("不存在的专业", "T" + tag, "居民身份证", other, "林二" + name(tag), "", ""),
                List.of("工业机器人技术（三年制高职）", "U" + tag, "居民身份证", "123", "林三" + name(tag), "", "")));
        MvcResult upload = mvc.perform(multipart("/credit-bank/students/import")
                        .file(new MockMultipartFile("file", "students.xlsx", "application/octet-stream", file))
                        .with(user(accounts.load("nb-college"))).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String report = upload.getResponse().getContentAsString();
        assertThat(report).contains("可导入 1 行，有误 2 行").contains("本校没有名为“不存在的专业”的学历专业（方向）")
                .doesNotContain(other).doesNotContain(good);
        assertThat(enrolled("S" + tag)).as("nothing stored before confirming").isZero();
        Cookie session = upload.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        mvc.perform(post("/credit-bank/students/import/confirm").cookie(session)
                        .with(user(accounts.load("nb-college"))).with(csrf()))
                .andExpect(redirectedUrl("/credit-bank/students"));
        assertThat(enrolled("S" + tag)).isEqualTo(1);
        assertThat(enrolled("T" + tag)).isZero();
    }

    private long enrolled(String studentNumber) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from programme_student where student_number = ?")
                .param(studentNumber).query(Long.class).single());
    }

    private static String number() {
        String body = "330203" + (1990 + (int) (Math.random() * 15)) + "0" + (1 + (int) (Math.random() * 9)) + "1"
                + (1 + (int) (Math.random() * 8)) + String.format("%03d", (int) (Math.random() * 1000));
        return body + IdentityNumber.checkCharacter(body);
    }

    private static String name(String tag) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder();
        for (char c : tag.toCharArray()) {
            b.append(digits.charAt(Character.digit(c, 16) % 10));
        }
        return b.substring(0, 3);
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("学历专业（方向）");
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
