package org.yuxun.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;
import org.yuxun.certification.CertificationFixture.CompletedClass;
import org.yuxun.certification.internal.PdfReading;
import org.yuxun.identity.Accounts;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.training.EnrolmentCompleted;

/** Issuing, listing, printing and revoking certificates as staff and learners see it. */
@IntegrationTest
class CertificatePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CertificateManagement certificates;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    YuxunProperties properties;

    @Autowired
    org.yuxun.credentials.Credentials credentials;

    CertificationFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CertificationFixture(jdbc, persons);
    }

    @Test
    void completingAClassWhoseProgrammePromisesACertificateIssuesItThroughTheEvent() throws Exception {
        CompletedClass completed = fixture.trainingClass(2);
        tx.executeWithoutResult(s -> completed.enrolments().forEach(e -> events.publishEvent(
                new EnrolmentCompleted(e, completed.classId(), completed.programmeId(), fixture.college,
                        completed.persons().get(completed.enrolments().indexOf(e)), true, List.of(), null, null,
                        null, java.time.Instant.now(), "TRAINING_CERTIFICATE", null, null))));
        awaitCount("select count(*) from certificate where class_id = ?", completed.classId(), 2);
        assertThat(fixture.count("select count(*) from certificate where class_id = ? and kind = 'TRAINING'"
                + " and source = 'AUTO' and hours = 16", completed.classId())).isEqualTo(2);
        // delivered again, the event issues nothing new
        tx.executeWithoutResult(s -> events.publishEvent(new EnrolmentCompleted(completed.enrolments().getFirst(),
                completed.classId(), completed.programmeId(), fixture.college, completed.persons().getFirst(), true,
                List.of(), null, null, null, java.time.Instant.now(), "TRAINING_CERTIFICATE", null, null)));
        DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()));
        assertThat(fixture.count("select count(*) from certificate where class_id = ?", completed.classId()))
                .isEqualTo(2);
    }

    @Test
    void aSkillLevelCertificateIsIssuedByTheEvaluatorAndNumberedInItsOwnSequence() {
        CompletedClass completed = fixture.skillLevelClass(1);
        CertificateView c = DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()))
                .orElseThrow();
        assertThat(c.kind()).isEqualTo(CertificateKind.SKILL_LEVEL);
        assertThat(c.issuerId()).isEqualTo(fixture.institution("浙江省职业技能评价中心"));
        assertThat(c.issuerName()).isEqualTo("浙江省职业技能评价中心");
        assertThat(c.institutionId()).isEqualTo(fixture.college);
        assertThat(c.title()).isEqualTo("工业机器人系统运维员（四级/中级工）");
        assertThat(c.skillLevel()).isEqualTo(4);
        assertThat(c.number()).matches("[0-9A-Z]{9}-\\d{4}-S-\\d{6}");
        assertThat(c.holderDocumentMasked()).contains("*").doesNotContain(completed.documents().getFirst());
    }

    @Test
    void issuingForAWholeClassIsAJobAndRunningItAgainIssuesNoDuplicates() throws Exception {
        CompletedClass completed = fixture.trainingClass(3);
        var admin = accounts.load("college-admin");
        mvc.perform(post("/classes/{id}/certificates", completed.classId()).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/jobs/*"));
        awaitCount("select count(*) from certificate where class_id = ?", completed.classId(), 3);
        mvc.perform(post("/classes/{id}/certificates", completed.classId()).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitCount("select count(*) from job where kind = 'certification.class.issue' and state = 'SUCCEEDED'"
                + " and parameters->>'classId' = ?", String.valueOf(completed.classId()), 2);
        assertThat(fixture.count("select count(*) from certificate where class_id = ?", completed.classId()))
                .isEqualTo(3);
        String page = mvc.perform(get("/classes/{id}/certificates", completed.classId()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        completed.names().forEach(name -> assertThat(page).contains(name));
    }

    /**
     * The credential names its holder by a salted hash of the identity number that the people register computes,
     * so issuing a class reveals no number: no reveal entry in the audit trail, yet each hash confirms the number.
     */
    @Test
    void issuingForAClassNamesEachHolderByTheHashOfTheirNumberWithoutRevealingIt() throws Exception {
        CompletedClass completed = fixture.trainingClass(3);
        DataScope.asSystem(() -> certificates.issueForClass(completed.classId(), done -> { }));
        assertThat(fixture.count("select count(*) from audit_event where action = 'REVEAL_IDENTITY'"
                + " and object_type = 'Person' and object_id = any(?)",
                (Object) completed.persons().stream().map(String::valueOf).toArray(String[]::new))).isZero();
        List<CertificateView> issued = DataScope.asSystem(() -> certificates.ofClass(completed.classId()));
        assertThat(issued).hasSize(3);
        for (CertificateView c : issued) {
            int i = completed.persons().indexOf(c.personId());
            String jwt = credentials.jwt(c.publicId()).orElseThrow();
            String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(payload).doesNotContain(completed.documents().get(i));
            var hashed = java.util.regex.Pattern.compile("\"identityHash\":\"sha256\\$([0-9a-f]{64})\","
                    + "\"identityType\":\"nationalIdentityNumber\",\"hashed\":true,\"salt\":\"([0-9a-f]{32})\"")
                    .matcher(payload);
            assertThat(hashed.find()).isTrue();
            assertThat(new org.yuxun.shared.SaltedDigest(hashed.group(1), hashed.group(2))
                    .matches(completed.documents().get(i))).isTrue();
        }
    }

    @Test
    void theClassZipHoldsOnePdfPerCertificate() throws Exception {
        CompletedClass completed = fixture.trainingClass(2);
        DataScope.asSystem(() -> certificates.issueForClass(completed.classId(), done -> { }));
        var result = mvc.perform(get("/classes/{id}/certificates.zip", completed.classId())
                        .with(user(accounts.load("trainer"))))
                .andExpect(status().isOk()).andReturn();
        byte[] zip = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(result)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                assertThat(entry.getName()).endsWith(".pdf");
                texts.add(PdfReading.text(in.readAllBytes()));
            }
        }
        assertThat(texts).hasSize(2);
        assertThat(String.join("\n", texts)).contains(completed.names().get(0), completed.names().get(1));
    }

    @Test
    void thePdfPrintsTheHolderMaskedAndItsQrCodeLeadsToTheVerificationPage() throws Exception {
        CompletedClass completed = fixture.trainingClassOf(List.of("𠮷" + "田欣悦"));
        CertificateView c = DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()))
                .orElseThrow();
        byte[] pdf = mvc.perform(get("/certificates/{id}/pdf", c.id()).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = PdfReading.text(pdf);
        assertThat(text).contains("𠮷田欣悦", c.holderDocumentMasked(), c.number(), "浙江育训职业技术学院")
                .doesNotContain(completed.documents().getFirst());
        assertThat(PdfReading.qr(pdf)).isEqualTo(properties.publicBaseUrl() + "/verify/" + c.publicId());
    }

    @Test
    void staffIssueByHandOnlyForAPersonTheirInstitutionKnowsUnderTheRegisteredName() throws Exception {
        CompletedClass known = fixture.trainingClass(1);
        var trainer = accounts.load("trainer");
        mvc.perform(post("/certificates").with(user(trainer)).with(csrf())
                        .param("kind", "TRAINING").param("documentType", "RESIDENT_ID_CARD")
                        .param("holderDocument", org.yuxun.people.TestPersons.identityNumber())
                        .param("holderName", "欧阳无名").param("title", "手工证书" + fixture.tag))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "holderDocument", "certificate.holder.unknown"));
        mvc.perform(post("/certificates").with(user(trainer)).with(csrf())
                        .param("kind", "TRAINING").param("documentType", "RESIDENT_ID_CARD")
                        .param("holderDocument", known.documents().getFirst())
                        .param("holderName", "欧阳错名").param("title", "手工证书" + fixture.tag))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "holderName", "certificate.holder.nameMismatch"));
        mvc.perform(post("/certificates").with(user(trainer)).with(csrf())
                        .param("kind", "TRAINING").param("documentType", "RESIDENT_ID_CARD")
                        .param("holderDocument", "330106199001011234")
                        .param("holderName", "欧阳错名").param("title", "手工证书" + fixture.tag))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "holderDocument"));
        mvc.perform(post("/certificates").with(user(trainer)).with(csrf())
                        .param("kind", "TRAINING").param("documentType", "RESIDENT_ID_CARD")
                        .param("holderDocument", known.documents().getFirst())
                        .param("holderName", known.names().getFirst()).param("title", "手工证书" + fixture.tag)
                        .param("hours", "8"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/certificates/*"));
        assertThat(fixture.count("select count(*) from certificate where title = ? and source = 'MANUAL'",
                "手工证书" + fixture.tag)).isEqualTo(1);
    }

    @Test
    void revocationNeedsAReasonIsAuditedAndAStaleOneIsRefused() throws Exception {
        CompletedClass completed = fixture.trainingClass(1);
        CertificateView c = DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()))
                .orElseThrow();
        var admin = accounts.load("college-admin");
        mvc.perform(post("/certificates/{id}/revoke", c.id()).with(user(admin)).with(csrf())
                        .param("version", "0").param("reason", " "))
                .andExpect(status().isOk()).andExpect(model().attribute("reasonError", "certificate.reason.required"));
        mvc.perform(post("/certificates/{id}/revoke", c.id()).with(user(accounts.load("trainer"))).with(csrf())
                        .param("version", "0").param("reason", "越权"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/certificates/{id}/revoke", c.id()).with(user(admin)).with(csrf())
                        .param("version", "0").param("reason", "证书信息有误" + fixture.tag))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/certificates/{id}/revoke", c.id()).with(user(admin)).with(csrf())
                        .param("version", "0").param("reason", "再次撤销"))
                .andExpect(status().isConflict());
        assertThat(fixture.count("select count(*) from audit_event where action = 'REVOKE'"
                + " and object_type = 'Certificate' and object_id = ?", String.valueOf(c.id()))).isEqualTo(1);
        String page = mvc.perform(get("/certificates/{id}", c.id()).with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已撤销", "证书信息有误" + fixture.tag);
    }

    @Test
    void anotherInstitutionNeitherFindsNorOpensNorRevokesTheCertificate() throws Exception {
        CompletedClass completed = fixture.trainingClass(1);
        CertificateView c = DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()))
                .orElseThrow();
        var other = accounts.load("nb-college");
        String list = mvc.perform(get("/certificates").param("q", completed.names().getFirst()).with(user(other)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(c.number()).contains("没有符合条件的记录");
        mvc.perform(get("/certificates/{id}", c.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/certificates/{id}/pdf", c.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/certificates/{id}/revoke", c.id()).with(user(other)).with(csrf())
                .param("version", "0").param("reason", "越权")).andExpect(status().isNotFound());
        byte[] export = mvc.perform(get("/certificates/export").with(user(other)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(org.yuxun.certification.internal.PdfReading.xlsxText(export))
                .doesNotContain(completed.names().getFirst());
        assertThat(fixture.count("select count(*) from certificate where id = ? and status = 'VALID'", c.id()))
                .isEqualTo(1);
        // the province's education department supervises the college and sees it
        String supervisor = mvc.perform(get("/certificates/{id}", c.id()).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(supervisor).contains(completed.names().getFirst());
    }

    @Test
    void theListFindsByHolderAndExportsToExcel() throws Exception {
        CompletedClass completed = fixture.trainingClass(1);
        DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()));
        var trainer = accounts.load("trainer");
        String list = mvc.perform(get("/certificates").param("q", completed.names().getFirst())
                        .param("state", "VALID").with(user(trainer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(completed.names().getFirst());
        byte[] export = mvc.perform(get("/certificates/export").param("q", completed.names().getFirst())
                        .with(user(trainer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.xlsxText(export)).contains(completed.names().getFirst())
                .doesNotContain(completed.documents().getFirst());
    }

    @Test
    void aLearnerSeesAndDownloadsTheirOwnCertificatesOnly() throws Exception {
        var learner = accounts.load("learner");
        String page = mvc.perform(get("/my/certificates").with(user(learner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("工业机器人安全操作与维护入门");
        UUID own = DataScope.asSystem(() -> jdbc.sql("""
                        select c.public_id from certificate c join app_user u on u.person_id = c.person_id
                        where u.username = 'learner' limit 1""").query(UUID.class).single());
        byte[] pdf = mvc.perform(get("/my/certificates/{id}/pdf", own).with(user(learner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.text(pdf)).contains("王小明");
        CompletedClass others = fixture.trainingClass(1);
        CertificateView c = DataScope.asSystem(() -> certificates.issueForEnrolment(others.enrolments().getFirst()))
                .orElseThrow();
        mvc.perform(get("/my/certificates/{id}/pdf", c.publicId()).with(user(learner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/certificates").with(user(learner))).andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorDesignsTheTemplateWithASealAndAMalformedOneIsRefusedAtTheField() throws Exception {
        var admin = accounts.load("nb-college");
        mvc.perform(get("/certificates/template").with(user(admin))).andExpect(status().isOk());
        String version = String.valueOf(DataScope.asSystem(() -> jdbc.sql(
                "select coalesce((select version from certificate_template where institution_id = ?), -1)")
                .param(fixture.institution("宁波海港职业技术学院")).query(Integer.class).single()));
        mvc.perform(multipart("/certificates/template").with(user(admin)).with(csrf())
                        .param("html", "<div><p>{{holderName}}</div>").param("css", "").param("version", version))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("error"));
        mvc.perform(multipart("/certificates/template")
                        .file(new MockMultipartFile("seal", "seal.gif", "image/gif", new byte[] {1, 2, 3}))
                        .with(user(admin)).with(csrf())
                        .param("html", "<div>{{holderName}}</div>").param("css", "").param("version", version))
                .andExpect(status().isOk()).andExpect(model().attributeExists("error"));
        byte[] png = org.yuxun.certification.internal.PdfReading.seal();
        mvc.perform(multipart("/certificates/template")
                        .file(new MockMultipartFile("seal", "seal.png", "image/png", png))
                        .with(user(admin)).with(csrf())
                        .param("html", "<div class=\"x\">海港{{holderName}}{{seal}}{{qr}}</div>")
                        .param("css", ".x { font-size: 20pt; }").param("version", version))
                .andExpect(status().is3xxRedirection());
        byte[] preview = mvc.perform(post("/certificates/template/preview").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfReading.text(preview)).contains("海港张三");
        mvc.perform(get("/certificates/template").with(user(accounts.load("teacher"))))
                .andExpect(status().isForbidden());
    }

    private void awaitCount(String sql, Object param, long expected) throws InterruptedException {
        long found = 0;
        for (int i = 0; i < 300 && found < expected; i++) {
            found = fixture.count(sql, param);
            if (found < expected) {
                Thread.sleep(100);
            }
        }
        assertThat(found).isEqualTo(expected);
    }
}
