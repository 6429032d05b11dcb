package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attendance rates as completion reads them, one query per class. The rate is the attended hours divided by the
 * hours of the class's sessions that have ended: a classroom or practice session counts in full when the learner
 * checked in (a check-in not voided by a correction); an online session counts the study time credited on the
 * server from heartbeats, capped at the session's hours; approved leave is excused but is not attendance
 * (DESIGN.md, "Attendance threats to stop"; seeds/001 §二(九): subsidies pay for training actually attended).
 */
@Component
class AttendanceFigures {

    /** One learner's attended and scheduled hours in a class. */
    record Figure(long enrolmentId, BigDecimal attendedHours, BigDecimal endedHours) {

        /** Attended ÷ ended, to four decimals (cut, never rounded up over a threshold); null when none ended. */
        public BigDecimal rate() {
            if (endedHours.signum() == 0) {
                return null;
            }
            return attendedHours.divide(endedHours, 4, RoundingMode.DOWN).min(BigDecimal.ONE);
        }
    }

    private final JdbcClient jdbc;

    AttendanceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures of every enrolment of the class the caller may see, by enrolment id. */
    Map<Long, Figure> ofClass(long classId) {
        Map<Long, Figure> figures = new HashMap<>();
        jdbc.sql("""
                        with ended as (select id, kind, hours
                                       from class_session
                                       where class_id = :class and ends_at <= now())
                        select e.id as enrolment_id,
                               coalesce((select sum(case
                                                        when s.kind = 'ONLINE' then
                                                            least(s.hours, coalesce(o.credited_seconds, 0) / 3600.0)
                                                        when exists (select 1 from check_in c
                                                                     where c.session_id = s.id
                                                                       and c.enrolment_id = e.id
                                                                       and c.direction = 'IN' and not c.voided)
                                                            then s.hours
                                                        else 0 end)
                                         from ended s
                                         left join online_study o on o.session_id = s.id and o.enrolment_id = e.id),
                                        0) as attended_hours,
                               coalesce((select sum(hours) from ended), 0) as ended_hours
                        from enrolment e
                        where e.class_id = :class""")
                .param("class", classId)
                .query((rs, n) -> new Figure(rs.getLong("enrolment_id"), rs.getBigDecimal("attended_hours"),
                        rs.getBigDecimal("ended_hours")))
                .list()
                .forEach(f -> figures.put(f.enrolmentId(), f));
        return figures;
    }
}
