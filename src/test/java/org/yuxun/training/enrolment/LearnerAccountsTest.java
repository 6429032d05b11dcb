package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/** Learner accounts: opened at public enrolment, issued by staff for a class, and what a learner then sees. */
@IntegrationTest
class LearnerAccountsTest {

    private static final String PASSWORD = "Xuexi2026ok";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    /** One learner of a class: name and identity number. */
    private record Person(String name, String number) {
    }

    /** One row of the downloaded list. */
    private record Listed(String name, String document, String username, String password) {
    }

    @Test
    void aLearnerWhoEnrolsOnThePublicPageGetsAnAccountWithTheChosenPasswordAndSignsInWithIt() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long trainingClass = fixture.trainingClass(programme, 10);
        Person person = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());

        MvcResult enrolled = enrolPublicly(programme, trainingClass, person, PASSWORD, PASSWORD)
                .andExpect(status().is3xxRedirection()).andReturn();
        String username = (String) enrolled.getFlashMap().get("username");

        assertThat(username).matches("xy\\d{8}");
        Map<String, Object> account = account(username);
        assertThat(account).containsEntry("org_kind", "NONE").containsEntry("must_change_password", false)
                .containsEntry("person_id", personOf(trainingClass)).containsEntry("roles", "LEARNER");
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/home"));
        CurrentUser learner = accounts.load(username);
        assertThat(learner.dataScope().kind().name()).isEqualTo("LEARNER");
        assertThat(learner.dataScope().personId()).isEqualTo(personOf(trainingClass));
        mvc.perform(followRedirect(enrolled))
                .andExpect(content().string(containsString(username)));
    }

    @Test
    void aLearnerWhoAlreadyHasAnAccountIsToldToSignInWithItAndNothingIsDuplicated() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long first = fixture.trainingClass(programme, 10);
        long second = fixture.trainingClass(programme, 10);
        Person person = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        String username = (String) enrolPublicly(programme, first, person, PASSWORD, PASSWORD)
                .andReturn().getFlashMap().get("username");
        String hash = (String) account(username).get("password_hash");

        MvcResult again = enrolPublicly(programme, second, person, "", "")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("existingAccount", true)).andReturn();

        long personId = personOf(first);
        assertThat(learnerAccounts(personId)).isEqualTo(1);
        assertThat(account(username)).containsEntry("password_hash", hash);
        assertThat(fixture.count(second, "ENROLLED")).isEqualTo(1);
        mvc.perform(followRedirect(again))
                .andExpect(content().string(containsString("您已有学员账号")))
                .andExpect(content().string(not(containsString(username))));
    }

    @Test
    void aRefusedPasswordOnThePublicPageSavesNeitherTheEnrolmentNorAnAccount() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long trainingClass = fixture.trainingClass(programme, 10);
        Person person = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());

        enrolPublicly(programme, trainingClass, person, "short1", "short1")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.length"))
                .andExpect(content().string(containsString("密码长度应为 10 至 64 个字符")));
        enrolPublicly(programme, trainingClass, person, PASSWORD, PASSWORD + "x")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"));
        enrolPublicly(programme, trainingClass, person, "", "")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.blank"));

        assertThat(fixture.count(trainingClass, "ENROLLED")).isZero();
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from app_user u join person p on p.id = u.person_id where p.name = ?""")
                .param(person.name()).query(Long.class).single())).isZero();
    }

    @Test
    void staffIssueAccountsOnceForLearnersWithoutOneAndNobodyIsResetByRunningItAgain() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long trainingClass = fixture.trainingClass(programme, 10);
        CurrentUser trainer = accounts.load("trainer");
        Person publicLearner = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        String existing = (String) enrolPublicly(programme, trainingClass, publicLearner, PASSWORD, PASSWORD)
                .andReturn().getFlashMap().get("username");
        String existingHash = (String) account(existing).get("password_hash");
        List<Person> staffEnrolled = List.of(new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber()),
                new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber()));
        for (Person p : staffEnrolled) {
            enrol(trainer, trainingClass, p).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/classes/{id}/enrolments", trainingClass).with(user(trainer)))
                .andExpect(content().string(containsString("发放学员账号")));

        List<Listed> listed = issue(trainer, trainingClass);

        assertThat(listed).extracting(Listed::name).containsExactly(staffEnrolled.get(0).name(),
                staffEnrolled.get(1).name());
        for (int i = 0; i < listed.size(); i++) {
            Listed row = listed.get(i);
            String number = staffEnrolled.get(i).number();
            assertThat(row.document()).doesNotContain(number).contains(number.substring(number.length() - 4));
            assertThat(row.username()).matches("xy\\d{8}");
            Map<String, Object> account = account(row.username());
            assertThat(account).containsEntry("must_change_password", true).containsEntry("roles", "LEARNER");
            assertThat((String) account.get("password_hash")).doesNotContain(row.password());
            mvc.perform(formLogin().user(row.username()).password(row.password()))
                    .andExpect(redirectedUrl("/account/password"));
        }
        assertThat(account(existing)).containsEntry("password_hash", existingHash);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event
                        where action = 'ISSUE_ACCOUNTS' and object_type = 'TrainingClass' and object_id = ?""")
                .param(String.valueOf(trainingClass)).query(Long.class).single())).isEqualTo(1);

        mvc.perform(post("/classes/{id}/enrolments/accounts", trainingClass).with(user(trainer)).with(csrf()))
                .andExpect(redirectedUrl("/classes/" + trainingClass + "/enrolments"))
                .andExpect(flash().attribute("notice", "enrolment.accounts.none"));
        Person late = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        enrol(trainer, trainingClass, late).andExpect(status().is3xxRedirection());
        assertThat(issue(trainer, trainingClass)).extracting(Listed::name).containsExactly(late.name());
        for (Listed row : listed) {
            assertThat(account(row.username())).containsEntry("must_change_password", true);
        }
    }

    @Test
    void anotherInstitutionCannotIssueAccountsForTheClassNorCanATeacher() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long trainingClass = fixture.trainingClass(fixture.programme(fixture.college()), 10);
        Person person = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        enrol(accounts.load("college-admin"), trainingClass, person).andExpect(status().is3xxRedirection());
        long personId = personOf(trainingClass);

        mvc.perform(post("/classes/{id}/enrolments/accounts", trainingClass).with(user(accounts.load("nb-college")))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(person.name()))));
        mvc.perform(post("/classes/{id}/enrolments/accounts", trainingClass).with(user(accounts.load("teacher")))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/classes/{id}/enrolments/accounts", trainingClass).with(user(accounts.load("ent-hr")))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(learnerAccounts(personId)).isZero();
    }

    @Test
    void aLearnerAccountSeesOnlyItsOwnTraining() throws Exception {
        EnrolmentFixture fixture = new EnrolmentFixture(jdbc);
        long programme = fixture.programme(fixture.college());
        long mine = fixture.trainingClass(programme, 10);
        long theirs = fixture.trainingClass(programme, 10);
        CurrentUser trainer = accounts.load("trainer");
        Person me = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        Person other = new Person(EnrolmentFixture.name(), EnrolmentFixture.identityNumber());
        enrol(trainer, mine, me).andExpect(status().is3xxRedirection());
        enrol(trainer, theirs, other).andExpect(status().is3xxRedirection());
        String username = issue(trainer, mine).getFirst().username();
        issue(trainer, theirs);
        String mineName = className(mine);
        String theirsName = className(theirs);
        long theirEnrolment = DataScope.asSystem(() -> jdbc.sql("select id from enrolment where class_id = ?")
                .param(theirs).query(Long.class).single());
        CurrentUser learner = accounts.load(username);

        mvc.perform(get("/my/classes").with(user(learner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mineName)))
                .andExpect(content().string(not(containsString(theirsName))))
                .andExpect(content().string(not(containsString(other.name()))));
        mvc.perform(get("/my/classes/{id}", theirEnrolment).with(user(learner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/classes/{id}/enrolments", mine).with(user(learner)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/classes/{id}/enrolments/accounts", mine).with(user(learner)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private ResultActions enrolPublicly(long programme, long trainingClass, Person person, String password,
                                        String confirm) throws Exception {
        String page = mvc.perform(get("/public/programmes/{p}/enrol", programme)
                        .param("class", String.valueOf(trainingClass)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher question = Pattern.compile("(\\d) \\+ (\\d) = \\?").matcher(page);
        Matcher token = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"").matcher(page);
        assertThat(question.find() && token.find()).isTrue();
        String answer = String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2)));
        return mvc.perform(multipart("/public/programmes/{p}/enrol", programme)
                .param("class", String.valueOf(trainingClass)).param("name", person.name())
                .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", person.number())
                .param("phone", EnrolmentFixture.mobile()).param("priorityGroup", "NONE")
                .param("password", password).param("confirmPassword", confirm)
                .param("challenge", token.group(1)).param("answer", answer).with(csrf()));
    }

    /**
     * The page a redirect leads to, in the same session (kept in the database, so by its cookie), so that its
     * flash attributes arrive.
     */
    private static MockHttpServletRequestBuilder followRedirect(MvcResult result) {
        return get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies());
    }

    private ResultActions enrol(CurrentUser staff, long trainingClass, Person person) throws Exception {
        return mvc.perform(post("/classes/{id}/enrolments", trainingClass).with(user(staff)).with(csrf())
                .param("name", person.name()).param("documentType", "RESIDENT_ID_CARD")
                .param("documentNumber", person.number()).param("phone", EnrolmentFixture.mobile())
                .param("priorityGroup", "NONE"));
    }

    private List<Listed> issue(CurrentUser staff, long trainingClass) throws Exception {
        byte[] xlsx = mvc.perform(post("/classes/{id}/enrolments/accounts", trainingClass).with(user(staff))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        List<Listed> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row != null && row.getCell(2) != null) {
                    rows.add(new Listed(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                            row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue()));
                }
            }
        }
        return rows;
    }

    private Map<String, Object> account(String username) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select u.org_kind, u.must_change_password, u.person_id, u.password_hash,
                               (select string_agg(role_code, ',') from user_role r where r.user_id = u.id) as roles
                        from app_user u where u.username = ?""")
                .param(username).query().singleRow());
    }

    private long personOf(long trainingClass) {
        return DataScope.asSystem(() -> jdbc.sql("select person_id from enrolment where class_id = ? limit 1")
                .param(trainingClass).query(Long.class).single());
    }

    private long learnerAccounts(long personId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from app_user where person_id = ? and org_kind = 'NONE'""")
                .param(personId).query(Long.class).single());
    }

    private String className(long trainingClass) {
        return DataScope.asSystem(() -> jdbc.sql("select name from training_class where id = ?")
                .param(trainingClass).query(String.class).single());
    }
}
