package org.yuxun.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A learner's enrolment reached its end when the class was completed (结业): either completed, with what the
 * programme promises on completion, or not completed, with the reasons. Certificates act on the programme's
 * declared award (DESIGN.md, "What a programme issues"), the credit bank registers the learning outcome
 * (seeds/001 §二(九)), and subsidy claims rest on completion, attendance and hours. One event per enrolment,
 * published in the transaction that completes the class, so it is stored in the event publication registry.
 *
 * @param enrolmentId      the enrolment that ended
 * @param classId          the class (培训班) it belongs to
 * @param programmeId      the programme (培训项目) the class runs
 * @param institutionId    the institution that ran the class and issues what completion earns
 * @param personId         the learner
 * @param completed        whether the learner met the programme's completion rule
 * @param reasons          why not, in Chinese (empty when completed)
 * @param attendanceRate   attended hours ÷ hours of the class's ended sessions, 0–1; null when no session ended
 * @param finalScore       the weighted assessment score that counted; null when none was recorded
 * @param hours            the hours of all the class's sessions
 * @param completedAt      when the class was completed
 * @param completionAward  what the programme awards: {@code NONE}, {@code TRAINING_CERTIFICATE} or
 *                         {@code SKILL_LEVEL_CERTIFICATE}
 * @param awardLevel       the skill level (1–5) of a skill-level certificate, else null
 * @param evaluatorId      the evaluation organisation that issues a skill-level certificate, else null
 */
public record EnrolmentCompleted(long enrolmentId, long classId, long programmeId, long institutionId,
                                 long personId, boolean completed, List<String> reasons, BigDecimal attendanceRate,
                                 BigDecimal finalScore, BigDecimal hours, Instant completedAt,
                                 String completionAward, Integer awardLevel, Long evaluatorId) {

    public EnrolmentCompleted {
        reasons = List.copyOf(reasons);
    }
}
