package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;
import org.yuxun.demo.DemoContext;
import org.yuxun.shared.DataScope;

@IntegrationTest
class AssessmentDemoTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssessmentDemo demo;

    @Autowired
    TransactionTemplate tx;

    @Test
    void lastMonthsClassEndsWithMostCompletedAndTwoNotCompletedWithTheirReasons() {
        TrainingFixture fixture = new TrainingFixture(jdbc);
        long programme = fixture.programme("0.5", "60", "0.8");
        long trainingClass = fixture.classOfLastMonth(programme);
        Instant start = Instant.now().minus(40, ChronoUnit.DAYS);
        for (int i = 0; i < 8; i++) {
            fixture.session(trainingClass, start.plus(i, ChronoUnit.DAYS), "THEORY", "2");
        }
        List<Long> enrolments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            enrolments.add(fixture.enrol(trainingClass, fixture.person("演示" + i)));
        }

        DataScope.asSystem(() -> tx.executeWithoutResult(status -> demo.load(
                new DemoContext(fixture.college, 0, 0, 0, 0, 0))));

        List<Map<String, Object>> rows = fixture.system(() -> jdbc.sql("""
                        select id, status, completion_notes from enrolment where class_id = ? order by id""")
                .params(trainingClass).query().listOfRows());
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("COMPLETED", "NOT_COMPLETED",
                "NOT_COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(rows.get(1).get("completion_notes")).isEqualTo("考核未通过（综合成绩 54.0，合格线 60）");
        assertThat(rows.get(2).get("completion_notes")).isEqualTo("出勤率 62.5%，低于结业要求 80%");
        String classStatus = fixture.system(() -> jdbc.sql("select status from training_class where id = ?")
                .params(trainingClass).query(String.class).single());
        assertThat(classStatus).isEqualTo("COMPLETED");
    }
}
