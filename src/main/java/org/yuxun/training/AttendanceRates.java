package org.yuxun.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attendance as completion and the subsidy checks read it (seeds/001 §二(九): subsidies only for training that
 * really took place). The rate of an enrolment is the hours of the sessions it attended divided by the hours of
 * the class's sessions that have ended: a check-in (QR, roll call or correction) counts a classroom or practice
 * session in full; an online session counts the study time credited from live heartbeats, capped at the
 * session's hours; approved leave excuses nobody from the rate (it is shown, not counted as attended). All reads
 * run in the caller's data scope.
 */
public interface AttendanceRates {

    /**
     * @param enrolmentId the enrolment
     * @param scheduledHours hours of the class's sessions that have ended
     * @param attendedHours hours of those the learner attended (online: credited study time)
     * @param leaveHours hours of those the learner was on approved leave for
     * @param rate attended ÷ scheduled, 4 decimals; {@code null} while no session has ended
     */
    record Rate(long enrolmentId, BigDecimal scheduledHours, BigDecimal attendedHours, BigDecimal leaveHours,
                BigDecimal rate) {
    }

    /**
     * One check-in as evidence: when, from which device and address, by which method.
     *
     * @param direction {@code IN} or {@code OUT}
     * @param method {@code QR}, {@code ROLL_CALL} or {@code CORRECTION}
     * @param deviceFingerprint hash of the learner's device cookie and browser, for QR check-ins
     * @param voided whether a correction voided it
     */
    record CheckInEvidence(long id, long sessionId, long enrolmentId, long personId, String direction, Instant at,
                           String method, String deviceFingerprint, String ip, String userAgent, boolean voided) {
    }

    /** The rate of one enrolment; empty when the caller cannot see it. */
    Optional<Rate> ofEnrolment(long enrolmentId);

    /** The rate of every current enrolment of a class, by enrolment id. */
    Map<Long, Rate> ofClass(long classId);

    /** Every check-in of an enrolment, oldest first, voided ones included. */
    List<CheckInEvidence> evidence(long enrolmentId);
}
