package org.yuxun.training.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

@IntegrationTest
class MyClassesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TrainingFixture fixture;
    String learner;
    long ownEnrolment;
    long othersEnrolment;
    String ownClassName;
    String othersClassName;
    long onlineSession;

    @BeforeEach
    void twoLearnersInTwoClasses() {
        fixture = new TrainingFixture(jdbc);
        long programme = fixture.programme("0.5", "60", "0.8");
        long own = fixture.trainingClass(programme, null);
        long others = fixture.trainingClass(programme, null);
        ownClassName = className(own);
        othersClassName = className(others);
        long me = fixture.person("吴学员");
        long someoneElse = fixture.person("郑学员");
        learner = fixture.learnerAccount(me);
        ownEnrolment = fixture.enrol(own, me);
        othersEnrolment = fixture.enrol(others, someoneElse);
        long past = fixture.session(own, Instant.now().minus(2, ChronoUnit.DAYS), "THEORY", "2");
        fixture.session(own, Instant.now().minus(1, ChronoUnit.DAYS), "PRACTICE", "2");
        onlineSession = fixture.session(own, Instant.now().plus(2, ChronoUnit.DAYS), "ONLINE", "2");
        fixture.checkIn(past, ownEnrolment, me);
        fixture.system(() -> jdbc.sql("""
                        update enrolment set theory_score = 70, practice_score = 80, final_score = 75, passed = true
                        where id = ?""").params(ownEnrolment).update());
        fixture.system(() -> jdbc.sql("""
                        insert into assessment_attempt (enrolment_id, institution_id, attempt, theory_score,
                                                        practice_score, final_score, passed)
                        values (?, ?, 1, 70, 80, 75, true)""").params(ownEnrolment, fixture.college).update());
    }

    @Test
    void aLearnerSeesOnlyTheirOwnClasses() throws Exception {
        mvc.perform(get("/my/classes").with(user(accounts.load(learner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ownClassName)))
                .andExpect(content().string(not(containsString(othersClassName))));
    }

    @Test
    void theClassPageShowsScheduleAttendanceScoresAndLinks() throws Exception {
        mvc.perform(get("/my/classes/{id}", ownEnrolment).with(user(accounts.load(learner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已签到")))
                .andExpect(content().string(containsString("缺勤")))
                .andExpect(content().string(containsString("50.0%")))
                .andExpect(content().string(containsString("理论 70 · 实操 80 · 综合 75")))
                .andExpect(content().string(containsString("/sessions/" + onlineSession + "/study")))
                .andExpect(content().string(containsString("/leave/new?session=" + onlineSession)));
    }

    @Test
    void anotherLearnersEnrolmentIsNotFound() throws Exception {
        mvc.perform(get("/my/classes/{id}", othersEnrolment).with(user(accounts.load(learner))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(othersClassName))));
    }

    @Test
    void staffHaveNoLearnersPages() throws Exception {
        mvc.perform(get("/my/classes").with(user(accounts.load("trainer"))))
                .andExpect(status().isForbidden());
    }

    private String className(long id) {
        return fixture.system(() -> jdbc.sql("select name from training_class where id = ?").params(id)
                .query(String.class).single());
    }
}
