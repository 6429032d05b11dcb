package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pass rule of a programme (培训项目的考核规则): the final score weighs the theory score by the programme's
 * theory weight and the practical score by the rest, and passes at the programme's pass mark. Skills training
 * assesses both knowledge and practical skill (seeds/001 §二(四), 岗位技术技能培训 with 技能评价), and each
 * programme sets the weights and pass mark it was approved with (issue 3, "pass rule per programme (weights, pass
 * mark)"). A score that the weights ignore (weight 0) is not required.
 *
 * @param theoryWeight share of the theory score in the final score, 0–1 (the practical score weighs the rest)
 * @param passMark     the final score at or above which the learner passes, 0–100
 */
public record AssessmentPolicy(BigDecimal theoryWeight, BigDecimal passMark) {

    /** What one sitting of the assessment gives. */
    public record Outcome(BigDecimal finalScore, boolean passed) {
    }

    /** Why scores cannot be assessed: a score the weights need is missing. */
    public enum Missing { THEORY, PRACTICE }

    public AssessmentPolicy {
        if (theoryWeight == null || theoryWeight.signum() < 0 || theoryWeight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("theory weight must lie between 0 and 1");
        }
        if (passMark == null || passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("pass mark must lie between 0 and 100");
        }
    }

    /** The score the weights need but the caller lacks, or null when both needed scores are there. */
    public Missing missing(BigDecimal theory, BigDecimal practice) {
        if (theory == null && theoryWeight.signum() > 0) {
            return Missing.THEORY;
        }
        if (practice == null && theoryWeight.compareTo(BigDecimal.ONE) < 0) {
            return Missing.PRACTICE;
        }
        return null;
    }

    /**
     * The final score, rounded half up to one decimal as scores are entered, and whether it reaches the pass mark.
     *
     * @throws IllegalArgumentException when a needed score is missing (see {@link #missing})
     */
    public Outcome assess(BigDecimal theory, BigDecimal practice) {
        if (missing(theory, practice) != null) {
            throw new IllegalArgumentException("a score the weights need is missing");
        }
        BigDecimal theoryPart = theory == null ? BigDecimal.ZERO : theory.multiply(theoryWeight);
        BigDecimal practicePart = practice == null ? BigDecimal.ZERO
                : practice.multiply(BigDecimal.ONE.subtract(theoryWeight));
        BigDecimal finalScore = theoryPart.add(practicePart).setScale(1, RoundingMode.HALF_UP);
        return new Outcome(finalScore, finalScore.compareTo(passMark) >= 0);
    }
}
