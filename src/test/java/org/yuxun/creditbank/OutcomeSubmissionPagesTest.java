package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;

/**
 * A learner submits an outcome with evidence through "我的成果申报" to the Ningbo college, which reviews it (认定) on
 * its pages: bad evidence is refused at the field, another institution sees nothing of it, an accepted outcome
 * appears in the learner's account, a rejection shows its reason to the learner, and the lists export to Excel.
 */
@IntegrationTest
class OutcomeSubmissionPagesTest {

    private static final byte[] PDF = "%PDF-1.4 award".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PersonRegistry persons;

    @Autowired
    PasswordEncoder passwords;

    String tag;
    long person;
    CurrentUser learner;
    CurrentUser ningbo;
    CurrentUser otherCollege;

    @BeforeEach
    void learner() {
        tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String digits = "零一二三四五六七八九";
        StringBuilder name = new StringBuilder("申");
        for (char c : tag.substring(0, 6).toCharArray()) {
            name.append(digits.charAt(Character.digit(c, 16) % 10));
        }
        String body = "330106" + (1980 + Math.floorMod(tag.hashCode(), 20)) + "0101"
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        long college = DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?")
                .param("浙江育训职业技术学院").query(Long.class).single());
        person = DataScope.asSystem(() -> persons.register(
                new RegisterPerson(DocumentType.RESIDENT_ID_CARD, body + IdentityNumber.checkCharacter(body),
                        name.toString(), null),
                new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER)).id());
        String username = "submit-" + tag;
        DataScope.asSystem(() -> {
            long id = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, org_kind, person_id)
                            values (?, ?, ?, 'NONE', ?) returning id""")
                    .params(username, passwords.encode("Yuxun@2026"), name.toString(), person).query(Long.class)
                    .single();
            jdbc.sql("insert into user_role (user_id, role_code) values (?, 'LEARNER')").param(id).update();
        });
        learner = accounts.load(username);
        ningbo = accounts.load("nb-college");
        otherCollege = accounts.load("college-admin");
    }

    @Test
    void aSubmissionWithEvidenceIsRecognisedByTheChosenCollegeOnlyAndAppearsInTheLearnersAccount() throws Exception {
        String title = "全国职业院校技能大赛" + tag;
        String form = page("/my/outcome-submissions/new", learner);
        assertThat(form).contains("宁波海港职业技术学院").contains("与我有关的院校").contains("enctype=\"multipart/form-data\"");

        // bad evidence and a missing title: refused at the fields, nothing saved
        String refused = mvc.perform(submission("", "award.exe", "MZ not a document".getBytes()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("证明材料只能是 PDF、JPG 或 PNG 文件").contains("请填写成果名称")
                .contains("is-invalid");
        byte[] large = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 10);
        assertThat(mvc.perform(submission(title, "big.pdf", large)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("证明材料不能超过 5 MB");
        assertThat(mvc.perform(submission(title, null, null)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("请上传证明材料");
        // values that are not numbers, dates or choices at all: said at the field, never a server error
        String garbled = mvc.perform(multipart("/my/outcome-submissions").file(new MockMultipartFile("evidence",
                                "a.pdf", "application/pdf", PDF)).with(user(learner)).with(csrf())
                        .param("institutionId", "abc").param("kind", "PRIZE").param("title", title)
                        .param("issuer", "浙江省教育厅").param("hours", "三十").param("achievedOn", "2026-13-45"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(garbled).contains("请输入有效的学时").contains("请输入有效的日期").contains("请选择认定院校")
                .contains("请选择成果类型").contains(title);
        assertThat(count()).isZero();
        // an institution no longer active cannot be chosen, even by a request the form would not send
        setActive(ningbo.orgId(), false);
        try {
            assertThat(mvc.perform(submission(title, "获奖证书.pdf", PDF)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString()).contains("请选择认定机构");
        } finally {
            setActive(ningbo.orgId(), true);
        }
        assertThat(count()).isZero();

        mvc.perform(submission(title, "获奖证书.pdf", PDF)).andExpect(redirectedUrl("/my/outcome-submissions"));
        long id = submissionId();
        assertThat(page("/my/outcome-submissions", learner)).contains(title).contains("待认定")
                .contains("宁波海港职业技术学院");
        assertThat(page("/my/learning-account", learner)).contains("有 1 项成果申报正在等待认定");

        // another college sees nothing of it and cannot review it
        assertThat(page("/credit-bank/submissions?q=" + tag, otherCollege)).doesNotContain(title)
                .contains("没有符合条件的记录");
        mvc.perform(get("/credit-bank/submissions/" + id).with(user(otherCollege))).andExpect(status().isNotFound());
        mvc.perform(get("/credit-bank/submissions/" + id + "/evidence").with(user(otherCollege)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/credit-bank/submissions/" + id + "/accept").with(user(otherCollege)).with(csrf()))
                .andExpect(status().isNotFound());

        // the chosen college sees it with the evidence and accepts it; a second click changes nothing
        assertThat(page("/credit-bank/submissions?status=SUBMITTED&q=" + tag, ningbo)).contains(title);
        String detail = page("/credit-bank/submissions/" + id, ningbo);
        assertThat(detail).contains(title).contains("二等奖").contains("获奖证书.pdf").contains("data-confirm");
        MockHttpServletResponse evidence = mvc.perform(get("/credit-bank/submissions/" + id + "/evidence")
                .with(user(ningbo))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(evidence.getContentType()).isEqualTo("application/pdf");
        assertThat(evidence.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(evidence.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(mvc.perform(get("/credit-bank/submissions/" + id + "/evidence").param("download", "true")
                .with(user(ningbo))).andReturn().getResponse().getHeader("Content-Disposition")).startsWith("attachment");

        mvc.perform(post("/credit-bank/submissions/" + id + "/accept").with(user(ningbo)).with(csrf()))
                .andExpect(redirectedUrl("/credit-bank/submissions/" + id)).andExpect(flash().attribute("saved", true));
        mvc.perform(post("/credit-bank/submissions/" + id + "/accept").with(user(ningbo)).with(csrf()))
                .andExpect(redirectedUrl("/credit-bank/submissions/" + id))
                .andExpect(flash().attribute("refusal", "credit.submission.done"));
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from learning_outcome where person_id = ? and source_type = 'SUBMISSION'""")
                .param(person).query(Long.class).single())).isEqualTo(1L);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where object_type = 'OutcomeSubmission' and object_id = ?
                        and action = 'ACCEPT' and username = 'nb-college'""")
                .param(String.valueOf(id)).query(Long.class).single())).isEqualTo(1L);

        assertThat(page("/my/learning-account", learner)).contains(title + "（二等奖）");
        assertThat(page("/my/outcome-submissions", learner)).contains("已认定").contains("已记入学习账户");
    }

    @Test
    void aRejectionNeedsAReasonWhichTheLearnerThenSees() throws Exception {
        String title = "企业实践证明" + tag;
        mvc.perform(multipart("/my/outcome-submissions").file(new MockMultipartFile("evidence", "proof.png",
                                "image/png", PNG)).with(user(learner)).with(csrf())
                        .param("institutionId", String.valueOf(ningbo.orgId())).param("kind", "OTHER")
                        .param("title", title).param("issuer", "宁波港务集团")
                        .param("achievedOn", LocalDate.now().minusDays(10).toString()))
                .andExpect(redirectedUrl("/my/outcome-submissions"));
        long id = submissionId();
        MockHttpServletResponse image = mvc.perform(get("/credit-bank/submissions/" + id + "/evidence")
                .with(user(ningbo))).andReturn().getResponse();
        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getHeaders("Content-Security-Policy")).anyMatch(h -> h.contains("sandbox"));

        mvc.perform(post("/credit-bank/submissions/" + id + "/reject").param("reason", " ").with(user(ningbo))
                        .with(csrf()))
                .andExpect(flash().attribute("refusal", "credit.review.reason.required"));
        assertThat(page("/my/outcome-submissions", learner)).contains("待认定");

        mvc.perform(post("/credit-bank/submissions/" + id + "/reject").param("reason", "证明材料未加盖公章")
                        .with(user(ningbo)).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        assertThat(page("/my/outcome-submissions", learner)).contains("未通过").contains("证明材料未加盖公章");
        assertThat(page("/credit-bank/submissions/" + id, ningbo)).contains("证明材料未加盖公章")
                .doesNotContain("data-testid=\"accept\"");
        // the learner opens their own evidence; another learner's is not found
        mvc.perform(get("/my/outcome-submissions/" + id + "/evidence").with(user(learner)))
                .andExpect(status().isOk());
        mvc.perform(get("/my/outcome-submissions/" + id + "/evidence").with(user(accounts.load("learner"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReceivedSubmissionsAndApplicationsExportAsFilteredToExcel() throws Exception {
        mvc.perform(submission("省技能大赛" + tag, "a.pdf", PDF)).andExpect(status().is3xxRedirection());
        Sheet sheet = workbook("/credit-bank/submissions/export?q=" + tag, ningbo);
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("申报人");
        assertThat(sheet.getLastRowNum()).isEqualTo(1);
        Row row = sheet.getRow(1);
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo("省技能大赛" + tag);
        assertThat(row.getCell(9).getStringCellValue()).isEqualTo("待认定");
        assertThat(workbook("/credit-bank/submissions/export?q=" + tag, otherCollege).getLastRowNum()).isZero();

        Sheet applications = workbook("/credit-bank/applications/export?status=REVIEWED", otherCollege);
        assertThat(applications.getRow(0).getCell(4).getStringCellValue()).isEqualTo("学历专业（方向）");
        assertThat(applications.getRow(1).getCell(4).getStringCellValue()).isEqualTo("智慧健康养老服务与管理（三年制高职）");
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'EXPORT' and object_type = 'OutcomeSubmission'
                        and username = 'nb-college' and summary like ?""").param("%" + tag + "%")
                .query(Long.class).single())).isEqualTo(1L);
    }

    @Test
    void aLearnerWithdrawsASubmissionWaitingForReviewButNotOneReviewed() throws Exception {
        mvc.perform(submission("误传的证书" + tag, "wrong.pdf", PDF)).andExpect(status().is3xxRedirection());
        long wrong = submissionId();
        assertThat(page("/my/outcome-submissions", learner)).contains("撤回申报").contains("data-confirm");
        // another learner cannot withdraw it
        mvc.perform(post("/my/outcome-submissions/" + wrong + "/withdraw").with(user(accounts.load("learner")))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/my/outcome-submissions/" + wrong + "/withdraw").with(user(learner)).with(csrf()))
                .andExpect(redirectedUrl("/my/outcome-submissions")).andExpect(flash().attribute("withdrawn", true));
        assertThat(count()).isZero();
        assertThat(page("/credit-bank/submissions?q=" + tag, ningbo)).doesNotContain("误传的证书" + tag);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where object_type = 'OutcomeSubmission' and object_id = ?
                        and action = 'WITHDRAW'""").param(String.valueOf(wrong)).query(Long.class).single()))
                .isEqualTo(1L);

        mvc.perform(submission("省级竞赛" + tag, "a.pdf", PDF)).andExpect(status().is3xxRedirection());
        long reviewed = submissionId();
        mvc.perform(post("/credit-bank/submissions/" + reviewed + "/accept").with(user(ningbo)).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/my/outcome-submissions/" + reviewed + "/withdraw").with(user(learner)).with(csrf()))
                .andExpect(flash().attribute("refusal", "credit.submission.reviewed"));
        assertThat(count()).isEqualTo(1L);
        assertThat(page("/my/outcome-submissions", learner)).doesNotContain("撤回申报");
    }

    private MockMultipartHttpServletRequestBuilder submission(String title, String fileName, byte[] evidence) {
        MockMultipartHttpServletRequestBuilder request = multipart("/my/outcome-submissions");
        if (evidence != null) {
            request.file(new MockMultipartFile("evidence", fileName, "application/octet-stream", evidence));
        }
        request.param("institutionId", String.valueOf(ningbo.orgId())).param("kind", "COMPETITION")
                .param("title", title).param("issuer", "浙江省教育厅").param("level", "二等奖").param("hours", "32")
                .param("achievedOn", LocalDate.now().minusMonths(2).toString());
        request.with(user(learner)).with(csrf());
        return request;
    }

    private Sheet workbook(String path, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(who))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray())).getSheetAt(0);
    }

    private void setActive(long institution, boolean active) {
        DataScope.asSystem(() -> jdbc.sql("update institution set active = ? where id = ?")
                .params(active, institution).update());
    }

    private long count() {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from outcome_submission where person_id = ?")
                .param(person).query(Long.class).single());
    }

    private long submissionId() {
        return DataScope.asSystem(() -> jdbc.sql("select max(id) from outcome_submission where person_id = ?")
                .param(person).query(Long.class).single());
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
