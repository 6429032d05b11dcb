package org.yuxun.creditbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Base64;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.internal.PdfReading;
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
 * The issue's "Done when", through the pages: a learner's certificate from the training college appears in their
 * learning account; as a student of the Ningbo college they apply to convert it by the college's published rule;
 * the college, which sees only the outcome in the application, accepts it; the account shows the credits and the
 * exemption; a second application with the same outcome for the same course is refused with the reason.
 */
@IntegrationTest
class CreditExchangeFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CertificateManagement certificates;

    @Autowired
    PasswordEncoder passwords;

    String tag;
    String name;
    String document;
    long person;
    CurrentUser learner;
    CurrentUser ningbo;
    long college;
    long programme;

    @BeforeEach
    void learnerWithCertificates() {
        tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        name = chineseName(tag);
        String body = "330106" + (1980 + Math.floorMod(tag.hashCode(), 20)) + "0101"
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        document = body + IdentityNumber.checkCharacter(body);
        college = institution("浙江育训职业技术学院");
        programme = DataScope.asSystem(() -> jdbc.sql("select id from degree_programme where name = ?")
                .param("工业机器人技术（三年制高职）").query(Long.class).single());
        person = DataScope.asSystem(() -> persons.register(
                new RegisterPerson(DocumentType.RESIDENT_ID_CARD, document, name, null),
                new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER)).id());
        String username = "credit-" + tag;
        DataScope.asSystem(() -> {
            long id = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, org_kind, person_id)
                            values (?, ?, ?, 'NONE', ?) returning id""")
                    .params(username, passwords.encode("Yuxun@2026"), name, person).query(Long.class).single();
            jdbc.sql("insert into user_role (user_id, role_code) values (?, 'LEARNER')").param(id).update();
        });
        learner = accounts.load(username);
        ningbo = accounts.load("nb-college");
    }

    @Test
    void certificateConvertsIntoCreditsAndExemptionOnceAndOnlyOnce() throws Exception {
        long robotics = issue("工业机器人现场安全操作" + tag, LocalDate.now().minusMonths(2));
        issue("养老护理基础" + tag, LocalDate.now().minusMonths(1));
        awaitOutcomes(2);

        String account = page("/my/learning-account", learner);
        assertThat(account).contains("工业机器人现场安全操作" + tag).contains("养老护理基础" + tag);

        mvc.perform(post("/credit-bank/students").with(user(ningbo)).with(csrf())
                        .param("programmeId", String.valueOf(programme)).param("studentNumber", "T" + tag)
                        .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", document)
                        .param("name", name))
                .andExpect(status().is3xxRedirection());
        long student = DataScope.asSystem(() -> jdbc.sql(
                "select id from programme_student where person_id = ?").param(person).query(Long.class).single());
        assertThat(page("/my/learning-account", learner)).contains("工业机器人技术（三年制高职）");

        String proposals = page("/my/credit-applications/new?student=" + student, learner);
        assertThat(proposals).contains("工业机器人现场安全操作" + tag).contains("工业机器人安全与操作基础")
                .doesNotContain("养老护理基础" + tag);
        String choice = choice(robotics);

        mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice))
                .andExpect(redirectedUrl("/my/learning-account"));
        long application = DataScope.asSystem(() -> jdbc.sql(
                "select id from credit_application where person_id = ?").param(person).query(Long.class).single());

        // The receiving college sees the outcome the learner put in the application, and no other.
        assertThat(page("/credit-bank/applications", ningbo)).contains(name);
        String review = page("/credit-bank/applications/" + application, ningbo);
        assertThat(review).contains("工业机器人现场安全操作" + tag).doesNotContain("养老护理基础" + tag);
        assertThat(DataScope.as(ningbo.dataScope(), () -> jdbc.sql(
                        "select title from learning_outcome where person_id = ?").param(person).query(String.class)
                .list())).containsExactly("工业机器人现场安全操作" + tag);
        // Another institution does not see the application at all.
        mvc.perform(get("/credit-bank/applications/" + application).with(user(accounts.load("college-admin"))))
                .andExpect(status().isNotFound());

        long line = DataScope.asSystem(() -> jdbc.sql(
                "select id from credit_application_line where application_id = ?").param(application)
                .query(Long.class).single());
        mvc.perform(post("/credit-bank/applications/" + application + "/lines/" + line + "/accept")
                        .with(user(ningbo)).with(csrf()))
                .andExpect(redirectedUrl("/credit-bank/applications/" + application));

        Map<String, Object> award = DataScope.asSystem(() -> jdbc.sql(
                "select credits, exempt from credit_award where person_id = ?").param(person).query().singleRow());
        assertThat((BigDecimal) award.get("credits")).isEqualByComparingTo("2");
        assertThat(award.get("exempt")).isEqualTo(true);
        String after = page("/my/learning-account", learner);
        assertThat(after).contains("ROB1101").contains("工业机器人安全与操作基础").contains("免修").contains("已通过");

        transcriptShowsTheCreditsAndTheSignedCredentialWrapsTheCertificate();

        // The same outcome for the same course again: refused with the reason, nothing saved.
        assertThat(page("/my/credit-applications/new?student=" + student, learner)).contains("不能重复使用");
        String refused = mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不能重复使用");
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from credit_application where person_id = ?")
                .param(person).query(Long.class).single())).isEqualTo(1L);
    }

    @Test
    void outcomeOlderThanTheRuleAllowsIsRefusedWithTheReason() throws Exception {
        long old = issue("工业机器人入门" + tag, LocalDate.now().minusYears(4));
        awaitOutcomes(1);
        long student = DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        select institution_id, id, ?, ?, ?, '3301**********0000', current_date
                        from degree_programme where id = ? returning id""")
                .params(person, "T" + tag, name, programme).query(Long.class).single());
        assertThat(page("/my/credit-applications/new?student=" + student, learner)).contains("已超过规则要求的 3 年");
        String refused = mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice(old)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("已超过规则要求的 3 年");
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from credit_application where person_id = ?")
                .param(person).query(Long.class).single())).isZero();
    }

    @Autowired
    org.yuxun.creditbank.internal.LearningAccounts learningAccounts;

    @Test
    void recordingTheSameSourceTwiceKeepsOneOutcomeInOneAccount() throws Exception {
        long certificate = issue("工业机器人维护" + tag, LocalDate.now());
        awaitOutcomes(1);
        boolean again = DataScope.asSystem(() -> learningAccounts.record(new org.yuxun.creditbank.internal
                .LearningAccounts.NewOutcome(person, OutcomeKind.CERTIFICATE, "CERTIFICATE", certificate, "重复", college,
                "浙江育训职业技术学院", null, "TRAINING", null, null, new BigDecimal("24"), true, LocalDate.now())));
        assertThat(again).isFalse();
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from learning_outcome where person_id = ?")
                .param(person).query(Long.class).single())).isEqualTo(1L);
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from learning_account where person_id = ?")
                .param(person).query(Long.class).single())).isEqualTo(1L);
        // 24 hours of a certificate not earned in a class count at 16 hours per credit
        assertThat(page("/my/learning-account", learner)).contains("工业机器人维护" + tag).contains("1.5 学分");
    }

    /** The PDF transcript lists the course, credits and exemption; the ClrCredential verifies and wraps OB 3.0. */
    private void transcriptShowsTheCreditsAndTheSignedCredentialWrapsTheCertificate() throws Exception {
        long nb = ningbo.orgId();
        byte[] pdf = mvc.perform(get("/my/transcripts/" + nb + "/pdf").with(user(learner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.text(pdf).replaceAll("\\s", "")).contains("学分转换成绩单")
                .contains("工业机器人安全与操作基础").contains("免修")
                .contains(name);
        String jwt = mvc.perform(get("/my/transcripts/" + nb + "/credential").with(user(learner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/credentials/verify").contentType(MediaType.TEXT_PLAIN).content(jwt))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.status").value("VALID"));
        ObjectMapper json = new ObjectMapper();
        JsonNode clr = json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(clr.path("type").toString()).contains("ClrCredential");
        assertThat(clr.toString()).doesNotContain(document);
        JsonNode subject = clr.path("credentialSubject");
        // the holder is named by a salted digest of the number, which the people register made without revealing it
        JsonNode hashed = subject.path("identifier").get(1);
        assertThat(new org.yuxun.shared.SaltedDigest(hashed.path("identityHash").asText().substring("sha256$".length()),
                hashed.path("salt").asText()).matches(document)).isTrue();
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'REVEAL_IDENTITY' and object_type = 'Person'
                        and object_id = ?""").param(String.valueOf(person)).query(Long.class).single())).isZero();
        assertThat(subject.path("achievement").get(0).path("creditsAvailable").decimalValue())
                .isEqualByComparingTo("2");
        JsonNode inner = subject.path("verifiableCredential");
        assertThat(inner.size()).isEqualTo(1);
        assertThat(inner.get(0).path("credentialSubject").path("achievement").path("name").asText())
                .isEqualTo("工业机器人现场安全操作" + tag);
        try (InputStream in = getClass().getResourceAsStream("/openbadges-3.0/achievementcredential.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertThat(schema.validate(inner.get(0))).isEmpty();
        }
        // another learner's transcript at the college does not exist for this learner
        mvc.perform(get("/my/transcripts/" + college + "/pdf").with(user(learner))).andExpect(status().isNotFound());
    }

    @Test
    void aRejectionNeedsAReasonWhichTheLearnerSeesAndFreesTheOutcomeForANewApplication() throws Exception {
        long robotics = issue("工业机器人维修" + tag, LocalDate.now().minusMonths(1));
        awaitOutcomes(1);
        long student = DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        select institution_id, id, ?, ?, ?, '3301**********0000', current_date
                        from degree_programme where id = ? returning id""")
                .params(person, "T" + tag, name, programme).query(Long.class).single());
        mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice(robotics)))
                .andExpect(redirectedUrl("/my/learning-account"));
        Map<String, Object> line = DataScope.asSystem(() -> jdbc.sql("""
                        select l.id, l.application_id from credit_application_line l where l.person_id = ?""")
                .param(person).query().singleRow());
        String path = "/credit-bank/applications/" + line.get("application_id") + "/lines/" + line.get("id");

        mvc.perform(post(path + "/reject").with(user(ningbo)).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/credit-bank/applications/" + line.get("application_id")));
        assertThat(lineStatus((Long) line.get("id"))).isEqualTo("PENDING");
        mvc.perform(post(path + "/reject").with(user(ningbo)).with(csrf()).param("reason", "证书培训内容与课程不符"))
                .andExpect(redirectedUrl("/credit-bank/applications/" + line.get("application_id")));
        assertThat(lineStatus((Long) line.get("id"))).isEqualTo("REJECTED");
        assertThat(page("/my/learning-account", learner)).contains("证书培训内容与课程不符").contains("已驳回");
        // the rejected line no longer holds the outcome for the course
        mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice(robotics)))
                .andExpect(redirectedUrl("/my/learning-account"));
    }

    @Test
    void aRevokedCertificateIsRefusedInTheProposalOnApplicationAndOnAcceptanceWithTheReason() throws Exception {
        long robotics = issue("工业机器人装调" + tag, LocalDate.now().minusMonths(1));
        awaitOutcomes(1);
        long student = DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        select institution_id, id, ?, ?, ?, '3301**********0000', current_date
                        from degree_programme where id = ? returning id""")
                .params(person, "T" + tag, name, programme).query(Long.class).single());
        String choice = choice(robotics);
        mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice))
                .andExpect(redirectedUrl("/my/learning-account"));
        Map<String, Object> line = DataScope.asSystem(() -> jdbc.sql("""
                        select l.id, l.application_id from credit_application_line l where l.person_id = ?""")
                .param(person).query().singleRow());

        assertThat(DataScope.asSystem(() -> learningAccounts.account(person).creditsByKind()))
                .containsKey(OutcomeKind.CERTIFICATE);
        String reason = "证书信息登记有误" + tag;
        DataScope.asSystem(() -> certificates.revoke(robotics, certificates.get(robotics).version(), reason));
        awaitRevoked(robotics);
        String today = LocalDate.now(CertificateManagement.ZONE).toString();

        String account = page("/my/learning-account", learner);
        assertThat(account).contains("已撤销").contains("证书已于 " + today + " 撤销（" + reason + "）");
        // the revoked outcome no longer counts towards the credits by category
        assertThat(DataScope.asSystem(() -> learningAccounts.account(person).creditsByKind())).isEmpty();
        assertThat(page("/my/credit-applications/new?student=" + student, learner))
                .contains("证书已于 " + today + " 撤销");
        // a new application with the outcome for another course would be refused for the revocation first
        String refused = mvc.perform(post("/my/credit-applications").with(user(learner)).with(csrf())
                        .param("student", String.valueOf(student)).param("choices", choice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("证书已于 " + today + " 撤销");

        // the reviewer sees the revocation on the line, cannot accept it, and can reject it
        String path = "/credit-bank/applications/" + line.get("application_id");
        assertThat(page(path, ningbo)).contains("证书已于 " + today + " 撤销（" + reason + "）");
        mvc.perform(post(path + "/lines/" + line.get("id") + "/accept").with(user(ningbo)).with(csrf()))
                .andExpect(redirectedUrl(path));
        assertThat(lineStatus((Long) line.get("id"))).isEqualTo("PENDING");
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from credit_award where person_id = ?")
                .param(person).query(Long.class).single())).isZero();
        mvc.perform(post(path + "/lines/" + line.get("id") + "/reject").with(user(ningbo)).with(csrf())
                        .param("reason", "证书已撤销"))
                .andExpect(redirectedUrl(path));
        assertThat(lineStatus((Long) line.get("id"))).isEqualTo("REJECTED");
    }

    @Test
    void anInstitutionRecordsAPassedCourseOfItsStudentWhichAccumulatesInTheAccount() throws Exception {
        long student = DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        select institution_id, id, ?, ?, ?, '3301**********0000', current_date - 400
                        from degree_programme where id = ? returning id""")
                .params(person, "T" + tag, name, programme).query(Long.class).single());
        long english = DataScope.asSystem(() -> jdbc.sql(
                "select id from academic_course where programme_id = ? and code = 'GEN1001'").param(programme)
                .query(Long.class).single());
        String path = "/credit-bank/students/" + student + "/results";
        assertThat(page(path, ningbo)).contains("GEN1001").contains("还没有记录课程成绩");
        String date = LocalDate.now().minusDays(30).toString();

        // a failed grade and a date in the future: refused at the fields, nothing saved
        String refused = mvc.perform(post(path).with(user(ningbo)).with(csrf()).param("courseId", String.valueOf(english))
                        .param("grade", "52").param("completedOn", LocalDate.now().plusDays(3).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("未通过的课程不记为学习成果").contains("结业日期应在入学日期之后、今天及以前");
        assertThat(page(path, ningbo)).contains("还没有记录课程成绩");

        mvc.perform(post(path).with(user(ningbo)).with(csrf()).param("courseId", String.valueOf(english))
                        .param("grade", "86").param("completedOn", date))
                .andExpect(redirectedUrl(path));
        assertThat(page(path, ningbo)).contains("大学英语").contains("86");
        awaitOutcomes(1);
        Map<OutcomeKind, BigDecimal> byKind = DataScope.asSystem(
                () -> learningAccounts.account(person).creditsByKind());
        assertThat(byKind.get(OutcomeKind.COURSE)).isEqualByComparingTo("4");
        assertThat(page("/my/learning-account", learner)).contains("大学英语").contains("学历课程")
                .contains("宁波海港职业技术学院").contains("成绩：86");

        // the same course again: refused, one result
        String again = mvc.perform(post(path).with(user(ningbo)).with(csrf()).param("courseId", String.valueOf(english))
                        .param("grade", "优秀").param("completedOn", date))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该学生的这门课程成绩已记录");
        // another institution cannot see the student's results page or record one
        mvc.perform(get(path).with(user(accounts.load("college-admin")))).andExpect(status().isNotFound());
        assertThat(DataScope.asSystem(() -> jdbc.sql("select count(*) from learning_outcome where person_id = ?")
                .param(person).query(Long.class).single())).isEqualTo(1L);
    }

    @Autowired
    org.yuxun.creditbank.internal.OutcomeSubmissions submissions;

    @Test
    void aSubmittedOutcomeWithEvidenceIsSeenOnlyByTheChosenInstitutionAndBecomesAnOutcomeWhenAccepted() {
        long nb = ningbo.orgId();
        byte[] pdf = "%PDF-1.4 evidence".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        LocalDate won = LocalDate.now().minusMonths(3);
        // bad evidence and bad fields: refused at each field, nothing saved
        org.yuxun.shared.InvalidInput bad = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.yuxun.shared.InvalidInput.class, () -> DataScope.as(learner.dataScope(), () -> submissions.submit(
                        person, new org.yuxun.creditbank.internal.OutcomeSubmissions.NewSubmission(nb,
                                OutcomeKind.COMPETITION, " ", "省教育厅", LocalDate.now().plusDays(1), null, null,
                                "award.exe", "MZ not a pdf".getBytes()))));
        assertThat(bad.violations()).extracting(org.yuxun.shared.InvalidInput.Violation::code)
                .containsExactlyInAnyOrder("credit.submission.title.invalid", "credit.submission.date.invalid",
                        "credit.submission.evidence.type");
        org.yuxun.shared.InvalidInput big = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.yuxun.shared.InvalidInput.class, () -> DataScope.as(learner.dataScope(), () -> submissions.submit(
                        person, new org.yuxun.creditbank.internal.OutcomeSubmissions.NewSubmission(nb,
                                OutcomeKind.COMPETITION, "技能大赛", "省教育厅", won, null, null, "big.pdf",
                                new byte[6 * 1024 * 1024]))));
        assertThat(big.violations().getFirst().code()).isEqualTo("credit.submission.evidence.tooLarge");

        long award = DataScope.as(learner.dataScope(), () -> submissions.submit(person,
                new org.yuxun.creditbank.internal.OutcomeSubmissions.NewSubmission(nb, OutcomeKind.COMPETITION,
                        "浙江省职业院校技能大赛工业机器人赛项" + tag, "浙江省教育厅", won, new BigDecimal("32"), "二等奖",
                        "award.pdf", pdf)));
        long other = DataScope.as(learner.dataScope(), () -> submissions.submit(person,
                new org.yuxun.creditbank.internal.OutcomeSubmissions.NewSubmission(nb, OutcomeKind.OTHER,
                        "企业实践证明" + tag, "杭州智造装备有限公司", won, null, null, "p.pdf", pdf)));
        assertThat(DataScope.as(learner.dataScope(), () -> submissions.mine(person))).hasSize(2)
                .allMatch(x -> x.status().equals("SUBMITTED"));

        // the chosen institution sees them with the evidence; another institution sees nothing
        CurrentUser college = accounts.load("college-admin");
        assertThat(DataScope.as(college.dataScope(), () -> submissions.received(tag, null, 0, 20).total())).isZero();
        assertThat(DataScope.as(college.dataScope(), () -> submissions.evidence(award))).isEmpty();
        assertThat(DataScope.as(ningbo.dataScope(), () -> submissions.received(tag, "SUBMITTED", 0, 20).total()))
                .isEqualTo(2L);
        assertThat(DataScope.as(ningbo.dataScope(), () -> submissions.evidence(award)).orElseThrow().type())
                .isEqualTo("application/pdf");

        DataScope.as(ningbo.dataScope(), () -> { submissions.review(award, true, null, ningbo.id()); return null; });
        org.yuxun.shared.InvalidInput noReason = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.yuxun.shared.InvalidInput.class,
                () -> DataScope.as(ningbo.dataScope(), () -> { submissions.review(other, false, " ", ningbo.id()); return null; }));
        assertThat(noReason.violations().getFirst().code()).isEqualTo("credit.review.reason.required");
        DataScope.as(ningbo.dataScope(), () -> { submissions.review(other, false, "证明材料不清晰", ningbo.id()); return null; });

        var mine = DataScope.as(learner.dataScope(), () -> submissions.mine(person));
        assertThat(mine).extracting(x -> x.status() + " " + x.reason())
                .containsExactlyInAnyOrder("ACCEPTED null", "REJECTED 证明材料不清晰");
        // accepted: a competition outcome in the account, 32 hours at 16 per credit
        var outcomes = DataScope.asSystem(() -> learningAccounts.account(person).outcomes());
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OutcomeKind.COMPETITION);
            assertThat(o.title()).isEqualTo("浙江省职业院校技能大赛工业机器人赛项" + tag + "（二等奖）");
            assertThat(o.credits()).isEqualByComparingTo("2");
        });
    }

    private void awaitRevoked(long certificateId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            boolean revoked = DataScope.asSystem(() -> jdbc.sql("""
                            select count(*) from learning_outcome
                            where source_type = 'CERTIFICATE' and source_id = ? and revoked_on is not null""")
                    .param(certificateId).query(Long.class).single()) > 0;
            if (revoked) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the outcome was not marked revoked");
    }

    private String lineStatus(long line) {
        return DataScope.asSystem(() -> jdbc.sql("select status from credit_application_line where id = ?")
                .param(line).query(String.class).single());
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aCompletedClassIsRecordedWithItsHoursAsCreditsAndAnUncompletedOneIsNot() throws Exception {
        long programmeId = DataScope.asSystem(() -> jdbc.sql("""
                        select id from programme where institution_id = ? order by id limit 1""").param(college)
                .query(Long.class).single());
        String programmeName = DataScope.asSystem(() -> jdbc.sql("select name from programme where id = ?")
                .param(programmeId).query(String.class).single());
        long enrolment = -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) - 1;
        transactions.executeWithoutResult(t -> {
            events.publishEvent(new org.yuxun.training.EnrolmentCompleted(enrolment, 1, programmeId, college, person,
                    true, java.util.List.of(), BigDecimal.ONE, new BigDecimal("90"), new BigDecimal("40"),
                    java.time.Instant.now(), "NONE", null, null));
            events.publishEvent(new org.yuxun.training.EnrolmentCompleted(enrolment - 1, 1, programmeId, college,
                    person, false, java.util.List.of("出勤率不足"), new BigDecimal("0.5"), null, new BigDecimal("40"),
                    java.time.Instant.now(), "NONE", null, null));
        });
        awaitOutcomes(1);
        String account = page("/my/learning-account", learner);
        // 40 hours at 16 hours per credit
        assertThat(account).contains(programmeName).contains("2.5 学分").contains("培训学时");
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from learning_outcome where person_id = ? and source_type = 'ENROLMENT'""")
                .param(person).query(Long.class).single())).isEqualTo(1L);
    }

    private long issue(String title, LocalDate issuedOn) {
        return DataScope.asSystem(() -> certificates.issue(new CertificateManagement.ManualIssue(
                CertificateKind.TRAINING, CertificateManagement.document(DocumentType.RESIDENT_ID_CARD, document,
                "holderDocument"), name, title, null, null, new BigDecimal("24"), issuedOn, null), college).id());
    }

    /** Outcomes are recorded by the credit bank's listener after the issuing transaction commits. */
    private void awaitOutcomes(int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long found = DataScope.asSystem(() -> jdbc.sql("select count(*) from learning_outcome where person_id = ?")
                    .param(person).query(Long.class).single());
            if (found >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the learning outcomes were not recorded");
    }

    private String choice(long certificateId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select o.id || ':' || r.id || ':' || rc.course_id
                        from learning_outcome o, conversion_rule r join conversion_rule_course rc on rc.rule_id = r.id
                        where o.source_type = 'CERTIFICATE' and o.source_id = ? and r.name = ?""")
                .params(certificateId, "工业机器人培训合格证书兑换《工业机器人安全与操作基础》").query(String.class).single());
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long institution(String institutionName) {
        return DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?").param(institutionName)
                .query(Long.class).single());
    }

    private static String chineseName(String hex) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder("学");
        for (char c : hex.substring(0, 6).toCharArray()) {
            b.append(digits.charAt(Character.digit(c, 16) % 10));
        }
        return b.toString();
    }
}
