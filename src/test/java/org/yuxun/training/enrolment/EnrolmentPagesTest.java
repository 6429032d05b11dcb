package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

@IntegrationTest
class EnrolmentPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffEnrolAPersonAndTheRosterShowsTheNumberMasked() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        String number = EnrolmentFixture.identityNumber();
        String name = EnrolmentFixture.name();
        enrol(admin, trainingClass, name, number).andExpect(status().is3xxRedirection());

        mvc.perform(get("/classes/{id}/enrolments", trainingClass).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString(number.substring(0, 6) + "********"
                        + number.substring(14))))
                .andExpect(content().string(not(containsString(number))));
        Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql("""
                        select e.institution_id, e.region_code, e.subsidised, e.source, e.class_enterprise_id
                        from enrolment e where e.class_id = ?""").param(trainingClass).query().singleRow());
        assertThat(row).containsEntry("institution_id", fixture.college()).containsEntry("region_code", "330106")
                .containsEntry("subsidised", true).containsEntry("source", "STAFF");
        assertThat(row.get("class_enterprise_id")).isNull();

        enrol(admin, trainingClass, name, number)
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber",
                        "enrolment.person.alreadyEnrolled"));
    }

    @Test
    void refusesAWrongIdentityNumberAtTheFieldAndSavesNothing() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        enrol(accounts.load("college-admin"), trainingClass, EnrolmentFixture.name(),
                EnrolmentFixture.withWrongCheck(EnrolmentFixture.identityNumber()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber", "identity.number.checksum"));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isZero();
    }

    @Test
    void aFullClassTakesNobodyMore() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 1);
        CurrentUser admin = accounts.load("college-admin");
        enrol(admin, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber())
                .andExpect(status().is3xxRedirection());
        enrol(admin, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber())
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber", "enrolment.class.full"));
    }

    @Test
    void aLearnerCannotBeInTwoClassesThatMeetAtTheSameTime() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long first = fixture.trainingClass(programme, 10);
        long second = fixture.trainingClass(programme, 10);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        fixture.session(first, start);
        fixture.session(second, start.plus(1, ChronoUnit.HOURS));
        CurrentUser admin = accounts.load("college-admin");
        String number = EnrolmentFixture.identityNumber();
        String name = EnrolmentFixture.name();
        enrol(admin, first, name, number).andExpect(status().is3xxRedirection());
        enrol(admin, second, name, number)
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber", "enrolment.person.overlap"));
    }

    @Test
    void withdrawalNeedsAReasonAndFreesThePlace() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        enrol(admin, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        long enrolment = enrolmentOf(trainingClass);

        mvc.perform(post("/classes/{c}/enrolments/{e}/withdraw", trainingClass, enrolment).with(user(admin))
                        .with(csrf()).param("reason", " ").param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "请填写原因"));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(1);

        mvc.perform(post("/classes/{c}/enrolments/{e}/withdraw", trainingClass, enrolment).with(user(admin))
                        .with(csrf()).param("reason", "工作调动").param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "enrolment.withdrawn"));
        assertThat(fixture.count(trainingClass, "WITHDRAWN")).isEqualTo(1);
        long audited = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'WITHDRAW' and object_type = 'Enrolment'
                          and object_id = ?""").param(String.valueOf(enrolment)).query(Long.class).single());
        assertThat(audited).isEqualTo(1);

        mvc.perform(post("/classes/{c}/enrolments/{e}/withdraw", trainingClass, enrolment).with(user(admin))
                        .with(csrf()).param("reason", "再次退班").param("version", "0"))
                .andExpect(flash().attributeExists("problem"));
    }

    @Test
    void aStaleVersionIsRefusedAsAConcurrentChange() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        enrol(admin, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        long enrolment = enrolmentOf(trainingClass);
        DataScope.asSystem(() -> jdbc.sql("update enrolment set version = version + 1 where id = ?").param(enrolment)
                .update());
        mvc.perform(post("/classes/{c}/enrolments/{e}/withdraw", trainingClass, enrolment).with(user(admin))
                        .with(csrf()).param("reason", "个人原因").param("version", "0"))
                .andExpect(flash().attribute("problem", containsString("该记录已被他人修改")));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(1);
    }

    @Test
    void transferMovesTheLearnerToAnotherClassOfTheSameInstitutionOnly() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long from = fixture.trainingClass(programme, 10);
        long to = fixture.trainingClass(programme, 10);
        long elsewhere = fixture.trainingClass(fixture.programme(fixture.ningboCollege()), 10);
        CurrentUser admin = accounts.load("college-admin");
        enrol(admin, from, EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        long enrolment = enrolmentOf(from);

        mvc.perform(post("/classes/{c}/enrolments/{e}/transfer", from, enrolment).with(user(admin)).with(csrf())
                        .param("targetClassId", String.valueOf(elsewhere)).param("reason", "调班")
                        .param("version", "0"))
                .andExpect(flash().attribute("problem", "只能转入本单位的其他培训班"));
        assertThat(fixture.count(elsewhere, "ENROLLED")).isZero();

        mvc.perform(post("/classes/{c}/enrolments/{e}/transfer", from, enrolment).with(user(admin)).with(csrf())
                        .param("targetClassId", String.valueOf(to)).param("reason", "时间冲突，调至晚班")
                        .param("version", "0"))
                .andExpect(flash().attribute("notice", "enrolment.transferred"));
        Map<String, Object> old = DataScope.asSystem(() -> jdbc.sql(
                "select status, transferred_to, status_reason from enrolment where id = ?").param(enrolment)
                .query().singleRow());
        assertThat(old).containsEntry("status", "TRANSFERRED").containsEntry("status_reason", "时间冲突，调至晚班");
        String source = DataScope.asSystem(() -> jdbc.sql("select source from enrolment where id = ?")
                .param(old.get("transferred_to")).query(String.class).single());
        assertThat(source).isEqualTo("TRANSFER");
        assertThat(fixture.count(to, "ENROLLED")).isEqualTo(1);
    }

    @Test
    void anotherInstitutionNeitherSeesTheRosterNorChangesIt() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        String name = EnrolmentFixture.name();
        enrol(admin, trainingClass, name, EnrolmentFixture.identityNumber());
        long enrolment = enrolmentOf(trainingClass);
        CurrentUser other = accounts.load("nb-college");

        mvc.perform(get("/classes/{id}/enrolments", trainingClass).with(user(other)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(get("/classes/{id}/enrolments/export", trainingClass).with(user(other)))
                .andExpect(status().isNotFound());
        enrol(other, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber())
                .andExpect(status().isNotFound());
        mvc.perform(post("/classes/{c}/enrolments/{e}/withdraw", trainingClass, enrolment).with(user(other))
                        .with(csrf()).param("reason", "恶意退班").param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(fixture.count(trainingClass, "ENROLLED")).isEqualTo(1);
    }

    @Test
    void theRosterExportsToExcel() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        CurrentUser admin = accounts.load("college-admin");
        enrol(admin, trainingClass, EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        byte[] xlsx = mvc.perform(get("/classes/{id}/enrolments/export", trainingClass).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aLearnerEnrolsFromThePublicPageWithEvidenceAfterTheHumanCheck() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long trainingClass = fixture.trainingClass(programme, 10);
        String page = mvc.perform(get("/public/programmes/{p}/enrol", programme).param("class",
                        String.valueOf(trainingClass)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher question = Pattern.compile("(\\d) \\+ (\\d) = \\?").matcher(page);
        assertThat(question.find()).isTrue();
        Matcher token = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String answer = String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2)));
        String number = EnrolmentFixture.identityNumber();
        String name = EnrolmentFixture.name();

        mvc.perform(multipart("/public/programmes/{p}/enrol", programme).param("class", String.valueOf(trainingClass))
                        .param("name", name).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", number).param("phone", EnrolmentFixture.mobile())
                        .param("priorityGroup", "VETERAN").param("challenge", token.group(1))
                        .param("answer", "100").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("验证题答案不正确")));
        mvc.perform(multipart("/public/programmes/{p}/enrol", programme).param("class", String.valueOf(trainingClass))
                        .param("name", name).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", EnrolmentFixture.withWrongCheck(number))
                        .param("phone", EnrolmentFixture.mobile()).param("priorityGroup", "VETERAN")
                        .param("challenge", token.group(1)).param("answer", answer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber", "identity.number.checksum"));
        assertThat(fixture.count(trainingClass, "ENROLLED")).isZero();

        byte[] pdf = "%PDF-1.4\n%退役军人证\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/public/programmes/{p}/enrol", programme)
                        .file(new MockMultipartFile("evidenceFiles", "veteran.pdf", "application/pdf", pdf))
                        .param("class", String.valueOf(trainingClass))
                        .param("name", name).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", number).param("phone", EnrolmentFixture.mobile())
                        .param("priorityGroup", "VETERAN").param("password", "Xuexi2026ok")
                        .param("confirmPassword", "Xuexi2026ok").param("challenge", token.group(1))
                        .param("answer", answer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql("""
                        select e.source, e.priority_group, (select count(*) from enrolment_evidence v
                                                            where v.enrolment_id = e.id) as evidence
                        from enrolment e where e.class_id = ?""").param(trainingClass).query().singleRow());
        assertThat(row).containsEntry("source", "PUBLIC").containsEntry("priority_group", "VETERAN")
                .containsEntry("evidence", 1L);
    }

    @Test
    void thePublicPageOnlyOpensForAnEnrollingClassOfAPublishedProgramme() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long planned = fixture.trainingClass(programme, 10, "PLANNED", null);
        mvc.perform(get("/public/programmes/{p}/enrol", programme).param("class", String.valueOf(planned)))
                .andExpect(status().isNotFound());
        long enrolling = fixture.trainingClass(programme, 10);
        mvc.perform(get("/public/programmes/{p}/enrol", programme + 1_000_000).param("class",
                        String.valueOf(enrolling)))
                .andExpect(status().isNotFound());
    }

    @Test
    void enterpriseHrEnrolsItsWorkersOnlyInClassesItsEnterpriseCommissioned() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long enterprise = fixture.enterprise("杭州智造装备有限公司");
        long programme = fixture.programme(fixture.college());
        long commissioned = fixture.trainingClass(programme, 10, "ENROLLING", enterprise);
        long other = fixture.trainingClass(programme, 10);
        CurrentUser hr = accounts.load("ent-hr");

        mvc.perform(get("/enterprise/enrolments").with(user(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/enterprise/enrolments/" + commissioned)));
        String name = EnrolmentFixture.name();
        mvc.perform(post("/enterprise/enrolments/{id}", commissioned).with(user(hr)).with(csrf())
                        .param("name", name).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", EnrolmentFixture.identityNumber())
                        .param("phone", EnrolmentFixture.mobile()).param("priorityGroup", "NONE"))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql("""
                        select e.source, e.enterprise_id, e.class_enterprise_id,
                               exists (select 1 from person_link l where l.person_id = e.person_id
                                         and l.org_kind = 'ENTERPRISE' and l.relation = 'EMPLOYEE') as employee,
                               exists (select 1 from person_link l where l.person_id = e.person_id
                                         and l.org_kind = 'INSTITUTION' and l.relation = 'LEARNER') as learner
                        from enrolment e where e.class_id = ?""").param(commissioned).query().singleRow());
        assertThat(row).containsEntry("source", "ENTERPRISE").containsEntry("enterprise_id", enterprise)
                .containsEntry("class_enterprise_id", enterprise).containsEntry("employee", true)
                .containsEntry("learner", true);
        mvc.perform(get("/enterprise/enrolments/{id}", commissioned).with(user(hr)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));

        mvc.perform(post("/enterprise/enrolments/{id}", other).with(user(hr)).with(csrf())
                        .param("name", EnrolmentFixture.name()).param("documentType", "RESIDENT_ID_CARD")
                        .param("documentNumber", EnrolmentFixture.identityNumber()).param("priorityGroup", "NONE"))
                .andExpect(status().isNotFound());
        assertThat(fixture.count(other, "ENROLLED")).isZero();
        mvc.perform(get("/enterprise/enrolments").with(user(accounts.load("college-admin"))))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions enrol(CurrentUser user, long trainingClass,
                                                                     String name, String number) throws Exception {
        return mvc.perform(post("/classes/{id}/enrolments", trainingClass).with(user(user)).with(csrf())
                .param("name", name).param("documentType", "RESIDENT_ID_CARD").param("documentNumber", number)
                .param("phone", EnrolmentFixture.mobile()).param("priorityGroup", "NONE"));
    }

    private long enrolmentOf(long trainingClass) {
        return DataScope.asSystem(() -> jdbc.sql("select id from enrolment where class_id = ? and status = 'ENROLLED'")
                .param(trainingClass).query(Long.class).single());
    }
}
