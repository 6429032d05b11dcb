package org.yuxun.certification.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a completed enrolment earns, read from the training records: the programme's declared award (DESIGN.md,
 * "What a programme issues"), its title, occupation and level, the class's hours and the completion date. Reads run
 * in the caller's scope, so staff reach only the classes of their institution; the completion listener reads in
 * system scope.
 */
@Component
public class Awards {

    /** One completed enrolment with what its programme awards. */
    public record Earned(long enrolmentId, long classId, long programmeId, long institutionId, long personId,
                         String programmeName, String occupation, String award, Integer awardLevel,
                         Long evaluatorId, BigDecimal hours, Instant completedAt) {
    }

    private static final String SELECT = """
            select e.id, e.class_id, c.programme_id, e.institution_id, e.person_id, p.name, p.occupation_name,
                   p.completion_award, p.award_level, p.evaluator_id,
                   (select coalesce(sum(s.hours), 0) from class_session s where s.class_id = c.id) as hours,
                   coalesce(e.completed_at, c.completed_at) as completed_at
            from enrolment e
            join training_class c on c.id = e.class_id
            join programme p on p.id = c.programme_id
            where e.status = 'COMPLETED'""";

    private final JdbcClient jdbc;

    Awards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Earned> ofEnrolment(long enrolmentId) {
        return jdbc.sql(SELECT + " and e.id = ?").param(enrolmentId).query(this::earned).optional();
    }

    /** The learners of the class who completed it, in roster order. */
    public List<Earned> ofClass(long classId) {
        return jdbc.sql(SELECT + " and e.class_id = ? order by e.id").param(classId).query(this::earned).list();
    }

    /** The class's name, if the caller's scope reaches it. */
    public Optional<String> className(long classId) {
        return jdbc.sql("select name from training_class where id = ?").param(classId).query(String.class).optional();
    }

    private Earned earned(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new Earned(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
                (Long) rs.getObject(10), rs.getBigDecimal("hours"),
                completed == null ? Instant.now() : completed.toInstant());
    }
}
