package org.yuxun.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training records a subsidy claim is built on (seeds/001 §二(九): subsidies only for training that really took
 * place): a class with its programme, its learners with their completion and scores, its sessions and every
 * check-in with time, device fingerprint and address. Read-only; reads run in the caller's data scope, except
 * {@link #overlaps(long)}, which must look across institutions and answers with findings only.
 */
public interface ClaimEvidence {

    /** A class as a claim copies it. {@code enterpriseName} is the commissioning enterprise, if any. */
    record ClassFacts(long classId, long institutionId, String institutionKind, String institutionName,
                      String regionCode, String name, long programmeId, String programmeName, String programmeType,
                      String occupationCode, String occupationName, Integer skillLevel, LocalDate startDate,
                      LocalDate endDate, String status, boolean subsidised, String enterpriseName,
                      Instant completedAt) {
    }

    /**
     * One current enrolment of a class.
     *
     * @param status {@code ENROLLED}, {@code COMPLETED} or {@code NOT_COMPLETED}
     * @param priorityGroup stored value of {@link EnrolmentPriorityGroup}, null for none
     * @param documentType the person's identity document type (a {@code DocumentType} name)
     */
    record Learner(long enrolmentId, long personId, String name, String documentType, String documentMasked,
                   String status, String priorityGroup, BigDecimal finalScore, Boolean passed) {
    }

    /** One scheduled session's time. */
    record SessionWindow(long sessionId, Instant startsAt, Instant endsAt, String topic) {
    }

    /** The class, if the caller's scope reaches it. */
    Optional<ClassFacts> classFacts(long classId);

    /** Completed subsidised classes the caller's scope reaches, newest first. */
    List<ClassFacts> completedSubsidisedClasses();

    /** The current enrolments of a class in roster order. */
    List<Learner> learners(long classId);

    /** The sessions of a class in time order. */
    List<SessionWindow> sessions(long classId);

    /** Every check-in of the class's current enrolments, oldest first, voided ones included. */
    List<AttendanceRates.CheckInEvidence> checkIns(long classId);

    /**
     * For each learner of the class who, in another class at any institution, has a session at the same time as a
     * session of this class, the finding in words (without naming the other institution), by person id. Runs in
     * system scope.
     */
    Map<Long, String> overlaps(long classId);
}
