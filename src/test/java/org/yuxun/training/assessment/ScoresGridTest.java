package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

@IntegrationTest
class ScoresGridTest {

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
    String firstName;

    @BeforeEach
    void classWithTwoLearners() {
        fixture = new TrainingFixture(jdbc);
        long programme = fixture.programme("0.4", "60", "0.8");
        trainingClass = fixture.trainingClass(programme, null);
        long a = fixture.person("张成绩");
        firstName = fixture.personName(a);
        first = fixture.enrol(trainingClass, a);
        second = fixture.enrol(trainingClass, fixture.person("李成绩"));
    }

    @Test
    void theGridListsEnrolledLearnersWithMaskedDocumentNumbers() throws Exception {
        mvc.perform(get("/classes/{id}/assessment", trainingClass).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(firstName)))
                .andExpect(content().string(containsString("3301**********123X")))
                .andExpect(content().string(containsString("理论成绩 × 40% + 实操成绩 × 60%")));
    }

    @Test
    void savingARowRecordsTheFirstAttemptAndTheWeightedResult() throws Exception {
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, first).with(user(accounts.load("trainer")))
                        .with(csrf()).header("HX-Request", "true")
                        .param("theory_" + first, "７０").param("practice_" + first, "80").param("version_" + first, "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("76.0")))
                .andExpect(content().string(containsString("合格")));
        assertThat(enrolment(first)).containsEntry("final_score", new BigDecimal("76.00"))
                .containsEntry("passed", true);
        assertThat(attempts(first)).containsExactly(1);
        long audited = fixture.system(() -> jdbc.sql("""
                        select count(*) from audit_event where object_type = 'Enrolment' and object_id = ?
                        and action = 'SCORE'""").params(String.valueOf(first)).query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void correctingScoresChangesTheLatestAttemptWithoutAddingOne() throws Exception {
        saveRow(first, "70", "80", 0);
        saveRow(first, "90", "90", 1);
        assertThat(attempts(first)).containsExactly(1);
        assertThat(enrolment(first)).containsEntry("final_score", new BigDecimal("90.00"));
    }

    @Test
    void aFailedLearnerResitsAsTheNextAttemptWhichThenCounts() throws Exception {
        saveRow(first, "50", "50", 0);
        assertThat(enrolment(first)).containsEntry("passed", false);
        mvc.perform(post("/classes/{c}/assessment/{e}/resit", trainingClass, first)
                        .with(user(accounts.load("trainer"))).with(csrf()).header("HX-Request", "true")
                        .param("theory_" + first, "65").param("practice_" + first, "70")
                        .param("version_" + first, "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 次考核")));
        assertThat(attempts(first)).containsExactly(1, 2);
        assertThat(enrolment(first)).containsEntry("final_score", new BigDecimal("68.00")).containsEntry("passed", true);
    }

    @Test
    void aLearnerWhoPassedCannotResit() throws Exception {
        saveRow(first, "80", "80", 0);
        mvc.perform(post("/classes/{c}/assessment/{e}/resit", trainingClass, first)
                        .with(user(accounts.load("trainer"))).with(csrf()).header("HX-Request", "true")
                        .param("theory_" + first, "95").param("practice_" + first, "95")
                        .param("version_" + first, "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只有考核未通过的学员可以补考")));
        assertThat(attempts(first)).containsExactly(1);
    }

    @Test
    void aStaleVersionIsRefusedAsAConcurrentEdit() throws Exception {
        saveRow(first, "70", "70", 0);
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, first).with(user(accounts.load("trainer")))
                        .with(csrf()).header("HX-Request", "true")
                        .param("theory_" + first, "10").param("practice_" + first, "10").param("version_" + first, "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(enrolment(first)).containsEntry("final_score", new BigDecimal("70.00"));
    }

    @Test
    void savingTheWholeGridIsAllOrNothingWithTheErrorAtTheField() throws Exception {
        mvc.perform(post("/classes/{c}/assessment", trainingClass).with(user(accounts.load("trainer"))).with(csrf())
                        .param("enrolmentId", String.valueOf(first), String.valueOf(second))
                        .param("theory_" + first, "88").param("practice_" + first, "90")
                        .param("theory_" + second, "120").param("practice_" + second, "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成绩应在 0 到 100 之间")))
                .andExpect(content().string(containsString("成绩必须是数字")))
                .andExpect(content().string(containsString("未保存任何内容")));
        assertThat(enrolment(first)).containsEntry("final_score", null);
        assertThat(attempts(first)).isEmpty();

        mvc.perform(post("/classes/{c}/assessment", trainingClass).with(user(accounts.load("trainer"))).with(csrf())
                        .param("enrolmentId", String.valueOf(first), String.valueOf(second))
                        .param("theory_" + first, "88").param("practice_" + first, "90")
                        .param("theory_" + second, "").param("practice_" + second, ""))
                .andExpect(status().is3xxRedirection());
        assertThat(enrolment(first)).containsEntry("final_score", new BigDecimal("89.20"));
        assertThat(enrolment(second)).containsEntry("final_score", null);
    }

    @Test
    void aMissingScoreTheWeightsNeedIsRefused() throws Exception {
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, first).with(user(accounts.load("trainer")))
                        .with(csrf()).header("HX-Request", "true").param("theory_" + first, "70"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写实操成绩")));
        assertThat(attempts(first)).isEmpty();
    }

    @Test
    void anotherInstitutionFindsNeitherTheGridNorTheRows() throws Exception {
        mvc.perform(get("/classes/{id}/assessment", trainingClass).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(firstName))));
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, first).with(user(accounts.load("nb-college")))
                        .with(csrf()).header("HX-Request", "true")
                        .param("theory_" + first, "1").param("practice_" + first, "1"))
                .andExpect(status().isNotFound());
        assertThat(attempts(first)).isEmpty();
    }

    @Test
    void aTeacherRecordsScoresOnlyForTheClassesTheyTeach() throws Exception {
        mvc.perform(get("/classes/{id}/assessment", trainingClass).with(user(accounts.load("teacher"))))
                .andExpect(status().isNotFound());
        long programme = fixture.programme("0.5", "60", "0.8");
        long taught = fixture.trainingClass(programme, fixture.userId("teacher"));
        long learner = fixture.enrol(taught, fixture.person("赵成绩"));
        mvc.perform(get("/classes/{id}/assessment", taught).with(user(accounts.load("teacher"))))
                .andExpect(status().isOk());
        mvc.perform(post("/classes/{c}/assessment/{e}", taught, learner).with(user(accounts.load("teacher")))
                        .with(csrf()).param("theory_" + learner, "66").param("practice_" + learner, "70"))
                .andExpect(status().is3xxRedirection());
        assertThat(enrolment(learner)).containsEntry("final_score", new BigDecimal("68.00"));
    }

    @Test
    void aLearnerCannotOpenTheGrid() throws Exception {
        mvc.perform(get("/classes/{id}/assessment", trainingClass).with(user(accounts.load("learner"))))
                .andExpect(status().isForbidden());
    }

    private void saveRow(long enrolment, String theory, String practice, int version) throws Exception {
        mvc.perform(post("/classes/{c}/assessment/{e}", trainingClass, enrolment)
                        .with(user(accounts.load("trainer"))).with(csrf())
                        .param("theory_" + enrolment, theory).param("practice_" + enrolment, practice)
                        .param("version_" + enrolment, String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
    }

    private Map<String, Object> enrolment(long id) {
        return fixture.system(() -> jdbc.sql("select final_score, passed, version from enrolment where id = ?")
                .params(id).query().singleRow());
    }

    private List<Integer> attempts(long enrolment) {
        return fixture.system(() -> jdbc.sql("select attempt from assessment_attempt where enrolment_id = ? order by 1")
                .params(enrolment).query(Integer.class).list());
    }
}
