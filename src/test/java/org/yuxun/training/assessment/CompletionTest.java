package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

/**
 * A class of four learners over four ended two-hour sessions: 甲 attended all and passed; 乙 attended two (50 %);
 * 丙 attended all and failed with 54; 丁 attended all but has no score.
 */
@IntegrationTest
class CompletionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TrainingFixture fixture;
    long trainingClass;
    long passed;
    long absent;
    long failed;
    long unscored;
    String failedName;

    @BeforeEach
    void classReadyForCompletion() {
        fixture = new TrainingFixture(jdbc);
        long programme = fixture.programme("0.5", "60", "0.8");
        trainingClass = fixture.trainingClass(programme, null);
        List<Long> sessions = new ArrayList<>();
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS);
        for (int i = 0; i < 4; i++) {
            sessions.add(fixture.session(trainingClass, start.plus(i, ChronoUnit.DAYS), i == 3 ? "PRACTICE" : "THEORY",
                    "2"));
        }
        fixture.session(trainingClass, Instant.now().plus(3, ChronoUnit.DAYS), "THEORY", "2");
        long[] people = {fixture.person("甲结业"), fixture.person("乙结业"), fixture.person("丙结业"),
                fixture.person("丁结业")};
        failedName = fixture.personName(people[2]);
        passed = fixture.enrol(trainingClass, people[0]);
        absent = fixture.enrol(trainingClass, people[1]);
        failed = fixture.enrol(trainingClass, people[2]);
        unscored = fixture.enrol(trainingClass, people[3]);
        long[] enrolments = {passed, absent, failed, unscored};
        for (int p = 0; p < 4; p++) {
            for (int s = 0; s < 4; s++) {
                if (p != 1 || s < 2) {
                    fixture.checkIn(sessions.get(s), enrolments[p], people[p]);
                }
            }
        }
        score(passed, "80", "90");
        score(absent, "80", "90");
        score(failed, "58", "50");
    }

    @Test
    void thePreviewShowsEveryLearnersResultWithReasonsBeforeAnythingChanges() throws Exception {
        mvc.perform(get("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("出勤率 50%，低于结业要求 80%")))
                .andExpect(content().string(containsString("考核未通过（综合成绩 54.0，合格线 60）")))
                .andExpect(content().string(containsString("缺少考核成绩")))
                .andExpect(content().string(containsString("出勤率 100%，综合成绩 85.0，准予结业")));
        assertThat(enrolmentStatus(passed)).isEqualTo("ENROLLED");
    }

    @Test
    void completingSetsEveryResultWithReasonsAndPublishesOneEventPerEnrolment() throws Exception {
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("completedNow", true));

        assertThat(enrolmentStatus(passed)).isEqualTo("COMPLETED");
        assertThat(enrolmentStatus(absent)).isEqualTo("NOT_COMPLETED");
        assertThat(enrolmentStatus(failed)).isEqualTo("NOT_COMPLETED");
        assertThat(enrolmentStatus(unscored)).isEqualTo("NOT_COMPLETED");
        Map<String, Object> absentRow = fixture.system(() -> jdbc.sql(
                        "select completion_notes, attendance_rate, completed_at from enrolment where id = ?")
                .params(absent).query().singleRow());
        assertThat(absentRow.get("completion_notes")).isEqualTo("出勤率 50%，低于结业要求 80%");
        assertThat((BigDecimal) absentRow.get("attendance_rate")).isEqualByComparingTo("0.5");
        assertThat(absentRow.get("completed_at")).isNotNull();
        String classStatus = fixture.system(() -> jdbc.sql("select status from training_class where id = ?")
                .params(trainingClass).query(String.class).single());
        assertThat(classStatus).isEqualTo("COMPLETED");

        List<String> events = fixture.system(() -> jdbc.sql("""
                        select distinct serialized_event from event_publication
                        where event_type = 'org.yuxun.training.EnrolmentCompleted'
                          and (serialized_event::jsonb ->> 'classId')::bigint = ?""")
                .params(trainingClass).query(String.class).list());
        assertThat(events).hasSize(4);
        String failedEvent = events.stream().filter(e -> e.contains("\"enrolmentId\":" + failed)).findFirst()
                .orElseThrow();
        assertThat(failedEvent).contains("\"completed\":false").contains("考核未通过（综合成绩 54.0，合格线 60）")
                .contains("\"hours\":10").contains("\"completionAward\":\"TRAINING_CERTIFICATE\"");
        String passedEvent = events.stream().filter(e -> e.contains("\"enrolmentId\":" + passed)).findFirst()
                .orElseThrow();
        assertThat(passedEvent).contains("\"completed\":true").contains("\"finalScore\":85");

        mvc.perform(get("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结业结果")))
                .andExpect(content().string(containsString(failedName)));
    }

    @Test
    void completingTwiceChangesNothingAndSaysSo() throws Exception {
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Object completedAt = fixture.system(() -> jdbc.sql("select completed_at from training_class where id = ?")
                .params(trainingClass).query().singleValue());
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "该培训班已经结业，不能重复结业。"));
        assertThat(fixture.system(() -> jdbc.sql("select completed_at from training_class where id = ?")
                .params(trainingClass).query().singleValue())).isEqualTo(completedAt);
        long events = fixture.system(() -> jdbc.sql("""
                        select count(distinct serialized_event) from event_publication
                        where event_type = 'org.yuxun.training.EnrolmentCompleted'
                          and (serialized_event::jsonb ->> 'classId')::bigint = ?""")
                .params(trainingClass).query(Long.class).single());
        assertThat(events).isEqualTo(4);
    }

    @Test
    void scoresCannotChangeAfterCompletion() throws Exception {
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, failed).with(user(accounts.load("trainer")))
                        .with(csrf()).header("HX-Request", "true")
                        .param("theory_" + failed, "99").param("practice_" + failed, "99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成绩不能再修改")));
        BigDecimal score = fixture.system(() -> jdbc.sql("select final_score from enrolment where id = ?")
                .params(failed).query(BigDecimal.class).single());
        assertThat(score).isEqualByComparingTo("54");
    }

    @Test
    void theResultsExportListsEveryLearnerWithTheReason() throws Exception {
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        byte[] xlsx = mvc.perform(get("/classes/{id}/completion/export", trainingClass)
                        .with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(formatter.formatCellValue(cell)).append('|'));
                lines.add(line.toString());
            }
        }
        assertThat(lines).hasSize(5);
        assertThat(lines).anyMatch(l -> l.contains(failedName) && l.contains("未结业")
                && l.contains("考核未通过（综合成绩 54.0，合格线 60）"));
    }

    @Test
    void anotherInstitutionCanNeitherSeeNorCompleteTheClass() throws Exception {
        mvc.perform(get("/classes/{id}/completion", trainingClass).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("nb-college")))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(enrolmentStatus(passed)).isEqualTo("ENROLLED");
    }

    @Test
    void aTeacherCannotCompleteAClass() throws Exception {
        mvc.perform(post("/classes/{id}/completion", trainingClass).with(user(accounts.load("teacher"))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(enrolmentStatus(passed)).isEqualTo("ENROLLED");
    }

    private void score(long enrolment, String theory, String practice) {
        BigDecimal t = new BigDecimal(theory);
        BigDecimal p = new BigDecimal(practice);
        AssessmentPolicy.Outcome outcome = new AssessmentPolicy(new BigDecimal("0.5"), new BigDecimal("60"))
                .assess(t, p);
        fixture.system(() -> jdbc.sql("""
                        update enrolment set theory_score = ?, practice_score = ?, final_score = ?, passed = ?
                        where id = ?""")
                .params(t, p, outcome.finalScore(), outcome.passed(), enrolment).update());
    }

    private String enrolmentStatus(long enrolment) {
        return fixture.system(() -> jdbc.sql("select status from enrolment where id = ?").params(enrolment)
                .query(String.class).single());
    }
}
