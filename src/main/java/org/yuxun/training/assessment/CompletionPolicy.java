package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The completion rule (结业条件) of a programme: a learner completes the class when their attendance rate reaches
 * the programme's threshold (80 % unless the programme sets another) and they passed the assessment (issue 3,
 * "Completion rule per programme"). Training subsidies are paid only for training actually attended and passed
 * (seeds/001 §二(九), 应享尽享 but no fraud), so a learner who misses either is not completed, and the reasons are
 * stated in words the training office can show the learner and the subsidy reviewer.
 *
 * @param attendanceThreshold the lowest attendance rate that completes, 0–1
 */
public record CompletionPolicy(BigDecimal attendanceThreshold) {

    /** The threshold when a programme sets none: 80 %. */
    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.800");

    /** The result for one learner: completed, or not with the reasons (in Chinese). */
    public record Decision(boolean completed, List<String> reasons) {

        public Decision {
            reasons = List.copyOf(reasons);
        }

        /** What is stored with the enrolment and shown on the results page. */
        public String notes(BigDecimal attendanceRate, BigDecimal finalScore) {
            if (!completed) {
                return String.join("；", reasons);
            }
            return "出勤率 " + percent(attendanceRate) + "，综合成绩 " + finalScore.setScale(1, RoundingMode.HALF_UP)
                    + "，准予结业";
        }
    }

    public CompletionPolicy {
        if (attendanceThreshold == null) {
            attendanceThreshold = DEFAULT_THRESHOLD;
        }
        if (attendanceThreshold.signum() < 0 || attendanceThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("attendance threshold must lie between 0 and 1");
        }
    }

    /**
     * Decides one learner's result.
     *
     * @param attendanceRate attended hours ÷ hours of the ended sessions, or null when no session has ended
     * @param finalScore     the final score that counts (latest attempt), or null when none was recorded
     * @param passed         whether that score passed, or null when none was recorded
     * @param passMark       the programme's pass mark, named in the reason
     */
    public Decision decide(BigDecimal attendanceRate, BigDecimal finalScore, Boolean passed, BigDecimal passMark) {
        List<String> reasons = new ArrayList<>();
        if (attendanceRate == null) {
            reasons.add("没有已结束的课次，无法计算出勤率");
        } else if (attendanceRate.compareTo(attendanceThreshold) < 0) {
            reasons.add("出勤率 " + percent(attendanceRate) + "，低于结业要求 " + percent(attendanceThreshold));
        }
        if (finalScore == null || passed == null) {
            reasons.add("缺少考核成绩");
        } else if (!passed) {
            reasons.add("考核未通过（综合成绩 " + finalScore.setScale(1, RoundingMode.HALF_UP) + "，合格线 "
                    + plain(passMark) + "）");
        }
        return new Decision(reasons.isEmpty(), reasons);
    }

    /** A rate as a percentage with at most one decimal, cut rather than rounded so 79.96 % never reads "80%". */
    static String percent(BigDecimal rate) {
        return plain(rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.DOWN)) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
