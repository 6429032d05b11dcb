package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.training.enrolment.bench.RosterFileGenerator;

@IntegrationTest
class RosterImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void checksAFileRowByRowCommitsOnlyOnConfirmationAndNeverEnrolsTwice() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 6);
        CurrentUser admin = accounts.load("college-admin");
        String enrolledBefore = EnrolmentFixture.identityNumber();
        mvc.perform(post("/classes/{id}/enrolments", trainingClass).with(user(admin)).with(csrf())
                        .param("name", EnrolmentFixture.name()).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", enrolledBefore).param("phone", EnrolmentFixture.mobile())
                        .param("priorityGroup", "NONE"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(1);

        String duplicate = EnrolmentFixture.identityNumber();
        List<String[]> rows = new ArrayList<>();
        rows.add(row(EnrolmentFixture.identityNumber(), "退役军人"));                              // 2 good
        rows.add(row(fullWidth(EnrolmentFixture.identityNumber()), "无"));                       // 3 full-width digits
        rows.add(row(EnrolmentFixture.withWrongCheck(EnrolmentFixture.identityNumber()), "无"));  // 4 checksum
        rows.add(row(duplicate, "无"));                                                         // 5 duplicate
        rows.add(row(duplicate, "无"));                                                         // 6 duplicate
        rows.add(row(enrolledBefore, "无"));                                                    // 7 already enrolled
        rows.add(row(EnrolmentFixture.identityNumber(), "高校毕业生"));                            // 8 good
        rows.add(row(EnrolmentFixture.identityNumber(), null));                                 // 9 good
        rows.add(row(EnrolmentFixture.identityNumber(), "无"));                                 // 10 good
        rows.add(row(EnrolmentFixture.identityNumber(), "无"));                                 // 11 over capacity
        String[] noPhone = row(EnrolmentFixture.identityNumber(), "无");
        noPhone[3] = null;
        rows.add(noPhone);                                                                     // 12 required
        Path file = temp.resolve("roster.xlsx");
        RosterFileGenerator.write(file, rows);

        long check = upload(admin, trainingClass, file);
        assertThat(fixture.awaitJob(check)).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).as("nothing enrolled before confirmation").isEqualTo(1);

        String report = mvc.perform(get("/classes/{c}/import/{j}", trainingClass, check).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("id=\"rows-total\">11<", "id=\"rows-valid\">5<", "id=\"rows-bad\">6<")
                .contains("证件号码校验位不正确", "证件号码与第6行重复", "证件号码与第5行重复", "该学员已在本班",
                        "超出班级剩余名额", "必填项未填写");

        MvcResult errors = mvc.perform(get("/classes/{c}/import/{j}/errors.xlsx", trainingClass, check)
                        .with(user(admin)))
                .andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                errors.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            List<Integer> rowNumbers = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() > 0) {
                    rowNumbers.add((int) r.getCell(0).getNumericCellValue());
                    assertThat(r.getCell(7).getStringCellValue()).isNotBlank();
                }
            }
            assertThat(rowNumbers).containsExactly(4, 5, 6, 7, 11, 12);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("错误原因");
        }

        long commit = confirm(admin, trainingClass, check);
        assertThat(fixture.awaitJob(commit)).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(6);
        assertThat(confirm(admin, trainingClass, check)).as("confirming twice queues nothing new").isEqualTo(commit);

        long again = upload(admin, trainingClass, file);
        assertThat(fixture.awaitJob(again)).isEqualTo("SUCCEEDED");
        mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, again).with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有可以导入的有效数据")));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(6);
    }

    @Test
    void theSameFileIntoALargerClassEnrolsNobodyTwice() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 100);
        CurrentUser admin = accounts.load("college-admin");
        List<String[]> rows = List.of(row(EnrolmentFixture.identityNumber(), "无"),
                row(EnrolmentFixture.identityNumber(), "无"), row(EnrolmentFixture.identityNumber(), "农民工"));
        Path file = temp.resolve("three.xlsx");
        RosterFileGenerator.write(file, rows);
        long first = upload(admin, trainingClass, file);
        fixture.awaitJob(first);
        long second = upload(admin, trainingClass, file);
        fixture.awaitJob(second);
        fixture.awaitJob(confirm(admin, trainingClass, first));
        String state = fixture.awaitJob(confirm(admin, trainingClass, second));
        assertThat(state).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(3);
    }

    @Test
    void aLearnerEnrolledBetweenCheckAndConfirmationIsRefusedAndTheirPlaceGoesToTheNextRow() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 3);
        CurrentUser admin = accounts.load("college-admin");
        String[] second = row(EnrolmentFixture.identityNumber(), "无");
        Path file = temp.resolve("meanwhile.xlsx");
        RosterFileGenerator.write(file, List.of(row(EnrolmentFixture.identityNumber(), "无"), second,
                row(EnrolmentFixture.identityNumber(), "无")));
        long check = upload(admin, trainingClass, file);
        assertThat(fixture.awaitJob(check)).isEqualTo("SUCCEEDED");

        mvc.perform(post("/classes/{id}/enrolments", trainingClass).with(user(admin)).with(csrf())
                        .param("name", second[0]).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", second[2]).param("phone", second[3])
                        .param("priorityGroup", "NONE"))
                .andExpect(status().is3xxRedirection());
        long commit = confirm(admin, trainingClass, check);

        assertThat(fixture.awaitJob(commit)).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(3);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select (result ->> 'enrolled') || '/' || (result ->> 'refused') from job where id = ?""")
                .param(commit).query(String.class).single())).isEqualTo("2/1");
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from enrolment where class_id = ? and source = 'IMPORT'""")
                .param(trainingClass).query(Long.class).single())).isEqualTo(2);
    }

    @Test
    void aDocumentOnFileElsewhereUnderAnotherNameIsRefusedAtEnrolmentWhileTheOtherRowsAreEnrolled() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        long ningboClass = fixture.trainingClass(fixture.programme(fixture.ningboCollege()), 10);
        String known = EnrolmentFixture.identityNumber();
        mvc.perform(post("/classes/{id}/enrolments", ningboClass).with(user(accounts.load("nb-college")))
                        .with(csrf())
                        .param("name", "欧阳" + EnrolmentFixture.name()).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", known).param("phone", EnrolmentFixture.mobile())
                        .param("priorityGroup", "NONE"))
                .andExpect(status().is3xxRedirection());
        CurrentUser admin = accounts.load("college-admin");
        Path file = temp.resolve("renamed.xlsx");
        RosterFileGenerator.write(file, List.of(row(EnrolmentFixture.identityNumber(), "无"), row(known, "无"),
                row(EnrolmentFixture.identityNumber(), "无")));

        long check = upload(admin, trainingClass, file);
        assertThat(fixture.awaitJob(check)).isEqualTo("SUCCEEDED");
        long commit = confirm(admin, trainingClass, check);

        assertThat(fixture.awaitJob(commit)).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(2);
        assertThat(DataScope.asSystem(() -> jdbc.sql("select result ->> 'refused' from job where id = ?")
                .param(commit).query(String.class).single())).isEqualTo("1");
    }

    @Test
    void enrolsAFileOfSeveralChunksWithProgressUpToTheLastRow() throws Exception {
        // identity numbers under an address code no other test uses, so no row meets a person on file
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        int rows = 12_345;
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), rows);
        CurrentUser admin = accounts.load("college-admin");
        Path file = temp.resolve("chunks.xlsx");
        List<String[]> lines = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String first17 = "339801" + LocalDate.of(1970, 1, 1).plusDays(i % 12_000).format(
                    DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i / 12_000);
            lines.add(row(first17 + IdentityNumber.checkCharacter(first17), "无"));
        }
        RosterFileGenerator.write(file, lines);

        long check = upload(admin, trainingClass, file);
        assertThat(fixture.awaitJob(check)).isEqualTo("SUCCEEDED");
        long commit = confirm(admin, trainingClass, check);

        assertThat(fixture.awaitJob(commit)).isEqualTo("SUCCEEDED");
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(rows);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(distinct import_key) from enrolment where class_id = ? and source = 'IMPORT'""")
                .param(trainingClass).query(Long.class).single())).isEqualTo(rows);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select progress_done || '/' || progress_total || ' ' || (result ->> 'enrolled')
                        from job where id = ?""")
                .param(commit).query(String.class).single())).isEqualTo(rows + "/" + rows + " " + rows);
        mvc.perform(get("/jobs/{id}", commit).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12,345 / 12,345")));
    }

    @Test
    void refusesMalformedFilesWithAClearMessageAndSavesNothing() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");

        mvc.perform(multipart("/classes/{id}/import", trainingClass)
                        .file(new MockMultipartFile("file", "roster.xlsx", "text/plain", "姓名,证件号码".getBytes()))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请上传由模板填写的 Excel 文件（.xlsx）")));

        Path wrongHeader = temp.resolve("header.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row head = workbook.createSheet("名单").createRow(0);
            head.createCell(0).setCellValue("名字");
            head.createCell(1).setCellValue("身份证");
            workbook.createSheet("x");
            try (var out = Files.newOutputStream(wrongHeader)) {
                workbook.write(out);
            }
        }
        long job = upload(admin, trainingClass, wrongHeader);
        assertThat(fixture.awaitJob(job)).isEqualTo("FAILED");
        assertThat(fixture.jobError(job)).contains("表头与模板不一致");

        Path noRows = temp.resolve("empty.xlsx");
        RosterFileGenerator.write(noRows, List.of());
        long empty = upload(admin, trainingClass, noRows);
        assertThat(fixture.awaitJob(empty)).isEqualTo("FAILED");
        assertThat(fixture.jobError(empty)).contains("文件中没有学员数据");
        mvc.perform(get("/classes/{c}/import/{j}", trainingClass, empty).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件中没有学员数据")));

        Path allBad = temp.resolve("bad.xlsx");
        RosterFileGenerator.write(allBad, List.<String[]>of(row("123", "无")));
        long bad = upload(admin, trainingClass, allBad);
        assertThat(fixture.awaitJob(bad)).isEqualTo("SUCCEEDED");
        mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, bad).with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有可以导入的有效数据")));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isZero();
    }

    @Test
    void anotherInstitutionCanNeitherImportIntoTheClassNorSeeOrConfirmItsCheck() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        CurrentUser other = accounts.load("nb-college");
        Path file = temp.resolve("scope.xlsx");
        RosterFileGenerator.write(file, List.<String[]>of(row(EnrolmentFixture.identityNumber(), "无")));

        mvc.perform(multipart("/classes/{id}/import", trainingClass)
                        .file(new MockMultipartFile("file", "scope.xlsx", null, Files.readAllBytes(file)))
                        .with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());

        long check = upload(admin, trainingClass, file);
        fixture.awaitJob(check);
        mvc.perform(get("/classes/{c}/import/{j}", trainingClass, check).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/classes/{c}/import/{j}/errors.xlsx", trainingClass, check).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, check).with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/jobs/{j}", check).with(user(other))).andExpect(status().isNotFound());
        assertThat(fixture.count(trainingClass, "ENROLLED")).isZero();
    }

    @Test
    void theTemplateHasDropDownListsAndAnInstructionsSheet() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        MvcResult result = mvc.perform(get("/classes/{id}/import/template.xlsx", trainingClass)
                        .with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()))) {
            Sheet roster = workbook.getSheet("学员名单");
            assertThat(roster.getRow(0).getCell(2).getStringCellValue()).isEqualTo("证件号码");
            assertThat(roster.getDataValidations()).hasSize(2);
            assertThat(workbook.getSheet("填写说明")).isNotNull();
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("选项"))).isTrue();
        }
    }

    private long upload(CurrentUser user, long trainingClass, Path file) throws Exception {
        String location = mvc.perform(multipart("/classes/{id}/import", trainingClass)
                        .file(new MockMultipartFile("file", file.getFileName().toString(),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                Files.readAllBytes(file)))
                        .with(user(user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long confirm(CurrentUser user, long trainingClass, long check) throws Exception {
        String location = mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, check)
                        .with(user(user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String[] row(String number, String group) {
        return new String[] {EnrolmentFixture.name(), "居民身份证", number, EnrolmentFixture.mobile(), group, null};
    }

    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append((char) (c >= '!' && c <= '~' ? c + 0xFEE0 : c)));
        return out.toString();
    }
}
