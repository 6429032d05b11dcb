package org.yuxun.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.certification.CertificationFixture.CompletedClass;
import org.yuxun.certification.internal.PdfReading;
import org.yuxun.identity.Accounts;
import org.yuxun.people.PersonRegistry;

/** Importing externally issued certificates: bad rows reported and never stored, re-uploads add nothing. */
@IntegrationTest
class CertificateImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Test
    void badRowsAreReportedNothingIsStoredBeforeConfirmAndTheSameFileTwiceAddsNothing() throws Exception {
        CertificationFixture fixture = new CertificationFixture(jdbc, persons);
        CompletedClass known = fixture.trainingClass(2);
        String tag = fixture.tag.toUpperCase();
        byte[] file = workbook(List.of(
                List.of("职业资格证书", "Q" + tag + "-1", known.names().get(0), "居民身份证", known.documents().get(0),
                        "电工（四级）", "电工", "4", "浙江省人力资源和社会保障厅", "2024-06-30", ""),
                List.of("1+X 职业技能等级证书", "X" + tag + "-2", known.names().get(1), "居民身份证",
                        known.documents().get(1), "工业机器人应用编程（中级）", "", "", "北京某评价组织", "2025-01-10",
                        "2028-01-09"),
                List.of("职业资格证书", "Q" + tag + "-3", "欧阳错名", "居民身份证", known.documents().get(0), "电工",
                        "", "", "某厅", "2024-06-30", ""),
                List.of("培训合格证书", "T" + tag + "-4", known.names().get(0), "居民身份证", "330106199001011234",
                        "培训", "", "", "某校", "2024-06-30", ""),
                List.of("职业技能等级证书", "S" + tag + "-5", known.names().get(0), "居民身份证",
                        known.documents().get(0), "电工", "", "", "某中心", "2099-01-01", "")));
        var trainer = accounts.load("trainer");
        var upload = mvc.perform(multipart("/certificates/import")
                        .file(new MockMultipartFile("file", "certs.xlsx", "application/octet-stream", file))
                        .with(user(trainer)).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String report = upload.getResponse().getContentAsString();
        Cookie session = sessionOf(upload);
        assertThat(report).contains("可导入 2 条，有误 3 条", "姓名与人员登记信息不一致", "证件号码",
                "职业技能等级证书须填写等级");
        assertThat(count(tag)).isZero();
        byte[] errors = mvc.perform(get("/certificates/import/errors.xlsx").cookie(session).with(user(trainer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.xlsxText(errors)).contains("欧阳错名", "职业技能等级证书须填写等级");
        mvc.perform(post("/certificates/import/confirm").cookie(session).with(user(trainer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count(tag)).isEqualTo(2);

        Cookie again = sessionOf(mvc.perform(multipart("/certificates/import")
                .file(new MockMultipartFile("file", "certs.xlsx", "application/octet-stream", file))
                .with(user(trainer)).with(csrf())).andExpect(status().isOk()).andReturn());
        mvc.perform(post("/certificates/import/confirm").cookie(again).with(user(trainer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count(tag)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAtTheField() throws Exception {
        String page = mvc.perform(multipart("/certificates/import")
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "不是表格".getBytes()))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("无法读取该文件");
    }

    @Test
    void theTemplateHasTheHeaders() throws Exception {
        byte[] template = mvc.perform(get("/certificates/import/template.xlsx").with(user(accounts.load("trainer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.xlsxText(template)).contains("证书类型", "证书编号", "证件号码", "发证机构");
    }

    /** The session the upload opened (sessions live in PostgreSQL and are found by their cookie). */
    private static Cookie sessionOf(org.springframework.test.web.servlet.MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private long count(String tag) {
        return org.yuxun.shared.DataScope.asSystem(() -> jdbc.sql(
                "select count(*) from certificate where number like ? and source = 'IMPORT'")
                .param("%" + tag + "%").query(Long.class).single());
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("证书名单");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("证书类型");
            int r = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
