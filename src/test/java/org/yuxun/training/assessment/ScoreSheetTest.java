package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

@IntegrationTest
class ScoreSheetTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TrainingFixture fixture;
    long trainingClass;
    long first;
    long second;
    long third;

    @BeforeEach
    void classOfThree() {
        fixture = new TrainingFixture(jdbc);
        trainingClass = fixture.trainingClass(fixture.programme("0.5", "60", "0.8"), null);
        first = fixture.enrol(trainingClass, fixture.person("钱表格"));
        second = fixture.enrol(trainingClass, fixture.person("孙表格"));
        third = fixture.enrol(trainingClass, fixture.person("周表格"));
    }

    @Test
    void theDownloadedSheetListsTheRosterAndComesBackWithScores() throws Exception {
        byte[] downloaded = download();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("报名编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.getRow(r);
                long id = (long) row.getCell(0).getNumericCellValue();
                if (id == first) {
                    row.createCell(3).setCellValue(80);
                    row.createCell(4).setCellValue(70.5);
                } else if (id == second) {
                    row.createCell(3).setCellValue("９２");
                    row.createCell(4).setCellValue("８８．５");
                }
            }
            workbook.write(out);
            filled = out.toByteArray();
        }
        upload(filled).andExpect(status().is3xxRedirection());
        assertThat(finalScore(first)).isEqualByComparingTo("75.3");
        assertThat(finalScore(second)).isEqualByComparingTo("90.3");
        assertThat(finalScore(third)).isNull();
        assertThat(attempts(first)).containsExactly(1);
    }

    @Test
    void aSheetWithBadRowsIsRefusedRowByRowAndSavesNothing() throws Exception {
        byte[] sheet = sheet(List.of(
                new Object[] {first, "钱表格", "", 85, 90},
                new Object[] {second, "孙表格", "", 101, 90},
                new Object[] {third, "周表格", "", "良好", 90},
                new Object[] {999_999_999L, "外人", "", 80, 80},
                new Object[] {first, "钱表格", "", 60, 60},
                new Object[] {third, "周表格", "", 70.25, ""}));
        upload(sheet)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未导入任何成绩")))
                .andExpect(content().string(containsString("第 3 行：")))
                .andExpect(content().string(containsString("理论成绩：成绩应在 0 到 100 之间")))
                .andExpect(content().string(containsString("理论成绩：成绩必须是数字")))
                .andExpect(content().string(containsString("报名编号「999999999」不是本班在读学员")))
                .andExpect(content().string(containsString("在文件中重复出现")));
        assertThat(finalScore(first)).isNull();
        assertThat(attempts(first)).isEmpty();
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedWithAMessage() throws Exception {
        upload("not a workbook".getBytes())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法读取文件")));
    }

    @Test
    void anotherInstitutionCannotDownloadOrUploadTheSheet() throws Exception {
        mvc.perform(get("/classes/{id}/assessment/sheet", trainingClass).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        byte[] sheet = sheet(List.<Object[]>of(new Object[] {first, "", "", 10, 10}));
        mvc.perform(multipart("/classes/{id}/assessment/sheet", trainingClass)
                        .file(new MockMultipartFile("file", "scores.xlsx", null, sheet))
                        .with(user(accounts.load("nb-college"))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(finalScore(first)).isNull();
    }

    private byte[] download() throws Exception {
        return mvc.perform(get("/classes/{id}/assessment/sheet", trainingClass).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] body) throws Exception {
        return mvc.perform(multipart("/classes/{id}/assessment/sheet", trainingClass)
                .file(new MockMultipartFile("file", "scores.xlsx", null, body))
                .with(user(accounts.load("trainer"))).with(csrf()));
    }

    private static byte[] sheet(List<Object[]> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("成绩");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ScoreSheet.HEADERS.length; i++) {
                header.createCell(i).setCellValue(ScoreSheet.HEADERS[i]);
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!"".equals(v)) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private BigDecimal finalScore(long enrolment) {
        return fixture.system(() -> jdbc.sql("select final_score from enrolment where id = ?").params(enrolment)
                .query((rs, n) -> rs.getBigDecimal(1)).list().getFirst());
    }

    private List<Integer> attempts(long enrolment) {
        return fixture.system(() -> jdbc.sql("select attempt from assessment_attempt where enrolment_id = ?")
                .params(enrolment).query(Integer.class).list());
    }
}
