package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AssessmentPolicyTest {

    private final AssessmentPolicy evenlyWeighted = new AssessmentPolicy(new BigDecimal("0.5"), new BigDecimal("60"));

    @Test
    void weighsTheoryAndPracticeByTheProgrammesTheoryWeight() {
        AssessmentPolicy practiceHeavy = new AssessmentPolicy(new BigDecimal("0.3"), new BigDecimal("60"));
        AssessmentPolicy.Outcome outcome = practiceHeavy.assess(new BigDecimal("50"), new BigDecimal("80"));
        assertThat(outcome.finalScore()).isEqualByComparingTo("71.0");
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void roundsTheFinalScoreHalfUpToOneDecimal() {
        AssessmentPolicy.Outcome outcome = evenlyWeighted.assess(new BigDecimal("60.5"), new BigDecimal("59.4"));
        assertThat(outcome.finalScore()).isEqualTo(new BigDecimal("60.0"));
    }

    @Test
    void passesExactlyAtThePassMarkAndFailsBelowIt() {
        assertThat(evenlyWeighted.assess(new BigDecimal("60"), new BigDecimal("60")).passed()).isTrue();
        AssessmentPolicy.Outcome below = evenlyWeighted.assess(new BigDecimal("58"), new BigDecimal("50"));
        assertThat(below.finalScore()).isEqualByComparingTo("54.0");
        assertThat(below.passed()).isFalse();
    }

    @Test
    void requiresOnlyTheScoresTheWeightsUse() {
        AssessmentPolicy theoryOnly = new AssessmentPolicy(BigDecimal.ONE, new BigDecimal("60"));
        assertThat(theoryOnly.missing(new BigDecimal("70"), null)).isNull();
        assertThat(theoryOnly.assess(new BigDecimal("70"), null).finalScore()).isEqualByComparingTo("70");
        assertThat(evenlyWeighted.missing(new BigDecimal("70"), null)).isEqualTo(AssessmentPolicy.Missing.PRACTICE);
        assertThat(evenlyWeighted.missing(null, new BigDecimal("70"))).isEqualTo(AssessmentPolicy.Missing.THEORY);
        assertThatThrownBy(() -> evenlyWeighted.assess(null, new BigDecimal("70")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWeightsOutsideZeroToOne() {
        assertThatThrownBy(() -> new AssessmentPolicy(new BigDecimal("1.2"), new BigDecimal("60")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
