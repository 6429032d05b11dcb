package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.NotFound;

/**
 * The class being assessed with the rules its programme sets. Only classes the caller sees as staff are found: a
 * published class is readable by everyone, but only its institution, the authorities over it and its teachers may
 * open its scores and completion ({@code training_class_staff_visible}, next to the row-level security policies).
 */
@Component
class AssessedClasses {

    /** A class with its programme's pass and completion rules and what completion earns. */
    record AssessedClass(long id, String name, String status, LocalDate startDate, LocalDate endDate,
                         long institutionId, int version, long programmeId, String programmeName,
                         BigDecimal theoryWeight, BigDecimal passMark, BigDecimal attendanceThreshold,
                         String completionAward, Integer awardLevel, Long evaluatorId) {

        public AssessmentPolicy assessmentPolicy() {
            return new AssessmentPolicy(theoryWeight, passMark);
        }

        public CompletionPolicy completionPolicy() {
            return new CompletionPolicy(attendanceThreshold);
        }

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        /** Scores may change while the class has not ended in completion or been cancelled. */
        public boolean open() {
            return !completed() && !cancelled();
        }
    }

    private static final String SELECT = """
            select c.id, c.name, c.status, c.start_date, c.end_date, c.institution_id, c.version,
                   p.id as programme_id, p.name as programme_name, p.theory_weight, p.pass_mark,
                   p.attendance_threshold, p.completion_award, p.award_level, p.evaluator_id
            from training_class c
            join programme p on p.id = c.programme_id
            where c.id = ? and training_class_staff_visible(c.id)""";

    private final JdbcClient jdbc;

    AssessedClasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AssessedClass get(long classId) {
        return find(classId, "").orElseThrow(() -> new NotFound("TrainingClass", classId));
    }

    /** The class, its row locked until the transaction ends, so two completions of it run one after another. */
    AssessedClass lock(long classId) {
        return find(classId, " for update of c").orElseThrow(() -> new NotFound("TrainingClass", classId));
    }

    private Optional<AssessedClass> find(long classId, String suffix) {
        return jdbc.sql(SELECT + suffix).params(classId).query(AssessedClass.class).optional();
    }
}
