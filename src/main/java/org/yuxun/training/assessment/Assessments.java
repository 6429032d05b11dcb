package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.NotFound;
import org.yuxun.training.assessment.AssessedClasses.AssessedClass;

/**
 * Scores of a class (成绩录入): theory and practical scores per learner, weighed and judged by the programme's
 * {@link AssessmentPolicy}. Every save is an {@code assessment_attempt}: the first sitting is attempt 1, a re-sit
 * (补考) of a learner who failed adds the next attempt, and the enrolment holds the latest attempt's result, which
 * is the one that counts for completion. Each change checks the enrolment's version and is audited.
 */
@Service
class Assessments {

    /** One row of the scores grid. */
    record ScoreRow(long enrolmentId, String personName, String documentMasked, String status,
                    BigDecimal theoryScore, BigDecimal practiceScore, BigDecimal finalScore, Boolean passed,
                    Integer attempt, int version) {

        public boolean enrolled() {
            return "ENROLLED".equals(status);
        }

        /** A learner whose latest attempt failed may re-sit. */
        public boolean mayResit() {
            return enrolled() && Boolean.FALSE.equals(passed);
        }
    }

    /** Scores typed for one learner; blank inputs are null strings or empty. */
    record ScoreEntry(long enrolmentId, String theory, String practice, Integer version) {
    }

    /** An entry whose scores parsed. */
    private record Parsed(long enrolmentId, BigDecimal theory, BigDecimal practice, Integer version) {
    }

    /** The audit snapshot of a learner's scores (no personal data). */
    record ScoreSnapshot(long enrolmentId, Integer attempt, BigDecimal theoryScore, BigDecimal practiceScore,
                         BigDecimal finalScore, Boolean passed) {
    }

    private final JdbcClient jdbc;
    private final AssessedClasses classes;
    private final AuditLog audit;

    Assessments(JdbcClient jdbc, AssessedClasses classes, AuditLog audit) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.audit = audit;
    }

    AssessedClass assessedClass(long classId) {
        return classes.get(classId);
    }

    /** The roster with scores: enrolled learners, and after completion those completed or not. */
    List<ScoreRow> roster(long classId) {
        classes.get(classId);
        return jdbc.sql(ROW_SELECT + " where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')"
                        + " order by p.name nulls last, e.id")
                .params(classId)
                .query(ScoreRow.class)
                .list();
    }

    ScoreRow row(long classId, long enrolmentId) {
        return findRow(classId, enrolmentId).orElseThrow(() -> new NotFound("Enrolment", enrolmentId));
    }

    /**
     * Records or corrects a learner's scores: attempt 1 when none exists, otherwise the latest attempt is corrected
     * (a re-sit is {@link #resit}).
     *
     * @throws InvalidInput at {@code <enrolmentId>.theory} or {@code .practice} for a bad or missing score; nothing
     *                      is saved
     * @throws OptimisticLockingFailureException when someone else changed the learner's scores meanwhile
     */
    @Transactional
    void save(long classId, ScoreEntry entry) {
        AssessedClass assessed = openClass(classId);
        Parsed parsed = parse(assessed, entry, entry.enrolmentId() + ".");
        store(assessed, parsed, false);
    }

    /**
     * Records a re-sit (补考) of a learner whose latest attempt failed, as the next attempt; its result now counts.
     */
    @Transactional
    void resit(long classId, ScoreEntry entry) {
        AssessedClass assessed = openClass(classId);
        ScoreRow current = row(classId, entry.enrolmentId());
        if (!current.mayResit()) {
            throw new InvalidInput(null, "assessment.resit.notFailed", "只有考核未通过的学员可以补考");
        }
        Parsed parsed = parse(assessed, entry, entry.enrolmentId() + ".");
        store(assessed, parsed, true);
    }

    /**
     * Saves every row that has a score typed, all or nothing: a bad row refuses the whole grid, each error at its
     * row's field ({@code <enrolmentId>.theory} or {@code <enrolmentId>.practice}).
     */
    @Transactional
    int saveAll(long classId, List<ScoreEntry> entries) {
        AssessedClass assessed = openClass(classId);
        List<InvalidInput.Violation> violations = new ArrayList<>();
        List<Parsed> valid = new ArrayList<>();
        for (ScoreEntry entry : entries) {
            if (blank(entry.theory()) && blank(entry.practice())) {
                continue;
            }
            try {
                valid.add(parse(assessed, entry, entry.enrolmentId() + "."));
            } catch (InvalidInput e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        for (Parsed parsed : valid) {
            store(assessed, parsed, false);
        }
        return valid.size();
    }

    /** Saves scores already checked by the score sheet import, each against the learner's current version. */
    @Transactional
    int saveChecked(long classId, Map<Long, BigDecimal[]> scores) {
        AssessedClass assessed = openClass(classId);
        for (Map.Entry<Long, BigDecimal[]> s : scores.entrySet()) {
            store(assessed, new Parsed(s.getKey(), s.getValue()[0], s.getValue()[1], null), false);
        }
        return scores.size();
    }

    /** The class, refusing changes once it is completed or cancelled. */
    AssessedClass openClass(long classId) {
        AssessedClass assessed = classes.get(classId);
        if (!assessed.open()) {
            throw new InvalidInput(null, "assessment.class.closed", "该培训班已结业或已取消，成绩不能再修改");
        }
        return assessed;
    }

    private Parsed parse(AssessedClass assessed, ScoreEntry entry, String prefix) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        BigDecimal theory = score(entry.theory(), prefix + "theory", violations);
        BigDecimal practice = score(entry.practice(), prefix + "practice", violations);
        if (violations.isEmpty()) {
            AssessmentPolicy.Missing missing = assessed.assessmentPolicy().missing(theory, practice);
            if (missing == AssessmentPolicy.Missing.THEORY) {
                violations.add(new InvalidInput.Violation(prefix + "theory", "assessment.theory.required",
                        "请填写理论成绩", new Object[0]));
            } else if (missing == AssessmentPolicy.Missing.PRACTICE) {
                violations.add(new InvalidInput.Violation(prefix + "practice", "assessment.practice.required",
                        "请填写实操成绩", new Object[0]));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new Parsed(entry.enrolmentId(), theory, practice, entry.version());
    }

    private static BigDecimal score(String raw, String field, List<InvalidInput.Violation> violations) {
        try {
            return ScoreInput.parse(raw);
        } catch (InvalidValueException e) {
            violations.add(new InvalidInput.Violation(field, e.getCode(), e.getMessage(), e.getArgs()));
            return null;
        }
    }

    private void store(AssessedClass assessed, Parsed parsed, boolean resit) {
        ScoreRow before = row(assessed.id(), parsed.enrolmentId());
        if (!before.enrolled()) {
            throw new NotFound("Enrolment", parsed.enrolmentId());
        }
        int expected = parsed.version() == null ? before.version() : parsed.version();
        AssessmentPolicy.Outcome outcome = assessed.assessmentPolicy().assess(parsed.theory(), parsed.practice());
        int updated = jdbc.sql("""
                        update enrolment set theory_score = ?, practice_score = ?, final_score = ?, passed = ?,
                                             version = version + 1, updated_at = now()
                        where id = ? and class_id = ? and status = 'ENROLLED' and version = ?""")
                .params(parsed.theory(), parsed.practice(), outcome.finalScore(), outcome.passed(),
                        parsed.enrolmentId(), assessed.id(), expected)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("enrolment " + parsed.enrolmentId() + " changed meanwhile");
        }
        Long recordedBy = Actors.currentUserId();
        int attempt;
        if (before.attempt() == null || resit) {
            attempt = before.attempt() == null ? 1 : before.attempt() + 1;
            jdbc.sql("""
                            insert into assessment_attempt (enrolment_id, institution_id, attempt, theory_score,
                                                            practice_score, final_score, passed, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(parsed.enrolmentId(), assessed.institutionId(), attempt, parsed.theory(),
                            parsed.practice(), outcome.finalScore(), outcome.passed(), recordedBy)
                    .update();
        } else {
            attempt = before.attempt();
            jdbc.sql("""
                            update assessment_attempt set theory_score = ?, practice_score = ?, final_score = ?,
                                                          passed = ?, recorded_by = ?, recorded_at = now()
                            where enrolment_id = ? and attempt = ?""")
                    .params(parsed.theory(), parsed.practice(), outcome.finalScore(), outcome.passed(), recordedBy,
                            parsed.enrolmentId(), attempt)
                    .update();
        }
        audit.record(resit ? "RESIT" : "SCORE", "Enrolment", parsed.enrolmentId(),
                assessed.name() + " · " + before.personName() + (resit ? " 补考成绩" : " 考核成绩"),
                snapshot(before, before.attempt()),
                new ScoreSnapshot(parsed.enrolmentId(), attempt, parsed.theory(), parsed.practice(),
                        outcome.finalScore(), outcome.passed()));
    }

    private static ScoreSnapshot snapshot(ScoreRow row, Integer attempt) {
        return new ScoreSnapshot(row.enrolmentId(), attempt, row.theoryScore(), row.practiceScore(),
                row.finalScore(), row.passed());
    }

    private Optional<ScoreRow> findRow(long classId, long enrolmentId) {
        return jdbc.sql(ROW_SELECT + " where e.class_id = ? and e.id = ?")
                .params(classId, enrolmentId)
                .query(ScoreRow.class)
                .optional();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static final String ROW_SELECT = """
            select e.id as enrolment_id, p.name as person_name, p.document_masked, e.status, e.theory_score,
                   e.practice_score, e.final_score, e.passed,
                   (select max(a.attempt) from assessment_attempt a where a.enrolment_id = e.id) as attempt,
                   e.version
            from enrolment e
            left join person p on p.id = e.person_id""";
}
