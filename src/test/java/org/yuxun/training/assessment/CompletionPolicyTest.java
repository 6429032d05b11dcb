package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CompletionPolicyTest {

    private final CompletionPolicy eightyPercent = new CompletionPolicy(null);
    private final BigDecimal passMark = new BigDecimal("60");

    @Test
    void completesALearnerWithEnoughAttendanceWhoPassed() {
        CompletionPolicy.Decision decision = eightyPercent.decide(new BigDecimal("0.8"), new BigDecimal("75.5"), true,
                passMark);
        assertThat(decision.completed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.notes(new BigDecimal("0.8"), new BigDecimal("75.5")))
                .isEqualTo("出勤率 80%，综合成绩 75.5，准予结业");
    }

    @Test
    void defaultsToEightyPercentAttendance() {
        assertThat(eightyPercent.attendanceThreshold()).isEqualByComparingTo("0.8");
    }

    @Test
    void namesTheAttendanceRateAndTheThresholdWhenAttendanceIsTooLow() {
        CompletionPolicy.Decision decision = eightyPercent.decide(new BigDecimal("0.62"), new BigDecimal("80"), true,
                passMark);
        assertThat(decision.completed()).isFalse();
        assertThat(decision.reasons()).containsExactly("出勤率 62%，低于结业要求 80%");
    }

    @Test
    void neverRoundsARateJustBelowTheThresholdUpToIt() {
        CompletionPolicy.Decision decision = eightyPercent.decide(new BigDecimal("0.7999"), new BigDecimal("80"), true,
                passMark);
        assertThat(decision.completed()).isFalse();
        assertThat(decision.reasons()).containsExactly("出勤率 79.9%，低于结业要求 80%");
    }

    @Test
    void namesTheScoreAndPassMarkWhenTheAssessmentFailed() {
        CompletionPolicy.Decision decision = eightyPercent.decide(new BigDecimal("0.95"), new BigDecimal("54"), false,
                passMark);
        assertThat(decision.reasons()).containsExactly("考核未通过（综合成绩 54.0，合格线 60）");
    }

    @Test
    void aMissingScoreDoesNotComplete() {
        CompletionPolicy.Decision decision = eightyPercent.decide(BigDecimal.ONE, null, null, passMark);
        assertThat(decision.completed()).isFalse();
        assertThat(decision.reasons()).containsExactly("缺少考核成绩");
    }

    @Test
    void givesEveryReasonWhenSeveralApply() {
        CompletionPolicy.Decision decision = new CompletionPolicy(new BigDecimal("0.9"))
                .decide(new BigDecimal("0.5"), null, null, passMark);
        assertThat(decision.reasons()).containsExactly("出勤率 50%，低于结业要求 90%", "缺少考核成绩");
        assertThat(decision.notes(new BigDecimal("0.5"), null)).isEqualTo("出勤率 50%，低于结业要求 90%；缺少考核成绩");
    }

    @Test
    void aClassWithoutEndedSessionsHasNoRateToComplete() {
        CompletionPolicy.Decision decision = eightyPercent.decide(null, new BigDecimal("90"), true, passMark);
        assertThat(decision.completed()).isFalse();
        assertThat(decision.reasons()).containsExactly("没有已结束的课次，无法计算出勤率");
    }
}
