package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * The assessment part of the demo story at 浙江育训职业技术学院: last month's completed class gets its scores
 * (most pass, one learner fails with 54) and is completed, so most learners completed and two did not — one for
 * attendance below 80 %, one for the failed assessment; the class in progress gets a few first scores. It builds on
 * the classes, sessions and enrolments the earlier parts of the demo created and does nothing where they are
 * absent. Completing the class publishes {@code EnrolmentCompleted} like any completion, so certificates, the
 * credit bank and subsidies receive the demo results through the same path as real ones.
 */
@Component
@Order(400)
class AssessmentDemo implements DemoExtension {

    private static final BigDecimal FAILING = new BigDecimal("54");

    private final JdbcClient jdbc;
    private final Completions completions;

    AssessmentDemo(JdbcClient jdbc, Completions completions) {
        this.jdbc = jdbc;
        this.completions = completions;
    }

    @Override
    public void load(DemoContext context) {
        List<Long> ended = jdbc.sql("""
                        select c.id from training_class c
                        where c.institution_id = ? and c.end_date < current_date and c.status <> 'CANCELLED'
                          and exists (select 1 from enrolment e where e.class_id = c.id and e.status = 'ENROLLED')
                        order by c.end_date desc limit 1""")
                .params(context.college()).query(Long.class).list();
        ended.forEach(this::completeLastMonthsClass);
        jdbc.sql("""
                        select c.id from training_class c
                        where c.institution_id = ? and c.status = 'IN_PROGRESS'
                        order by c.start_date limit 1""")
                .params(context.college()).query(Long.class).list()
                .forEach(this::firstScores);
    }

    private void completeLastMonthsClass(long classId) {
        List<Long> enrolments = enrolled(classId);
        if (enrolments.size() < 3) {
            return;
        }
        markAttendance(classId, enrolments);
        for (int i = 0; i < enrolments.size(); i++) {
            if (i == 1) {
                score(classId, enrolments.get(i), FAILING, FAILING);
            } else {
                score(classId, enrolments.get(i), BigDecimal.valueOf(68 + (i * 7) % 27),
                        BigDecimal.valueOf(72 + (i * 5) % 24));
            }
        }
        LocalDate end = jdbc.sql("select end_date from training_class where id = ?").params(classId)
                .query(LocalDate.class).single();
        completions.completeAsOf(classId, end.plusDays(1).atTime(LocalTime.of(10, 0))
                .atZone(MyTraining.CHINA).toInstant());
    }

    private void firstScores(long classId) {
        List<Long> enrolments = enrolled(classId);
        for (int i = 0; i < Math.min(3, enrolments.size()); i++) {
            Boolean scored = jdbc.sql("select final_score is not null from enrolment where id = ?")
                    .params(enrolments.get(i)).query(Boolean.class).single();
            if (!scored) {
                score(classId, enrolments.get(i), BigDecimal.valueOf(75 + i * 6), BigDecimal.valueOf(80 + i * 4));
            }
        }
    }

    /**
     * Check-ins (and online study) for the ended sessions when the attendance part of the demo recorded none:
     * everyone attended, except the third learner, who missed enough classroom sessions to fall below 80 %.
     */
    private void markAttendance(long classId, List<Long> enrolments) {
        boolean recorded = jdbc.sql("""
                        select exists (select 1 from check_in c join class_session s on s.id = c.session_id
                                       where s.class_id = ?)""")
                .params(classId).query(Boolean.class).single();
        if (recorded) {
            return;
        }
        List<Long> sessions = jdbc.sql("""
                        select id from class_session where class_id = ? and ends_at <= now() and kind <> 'ONLINE'
                        order by starts_at""")
                .params(classId).query(Long.class).list();
        jdbc.sql("""
                        insert into online_study (session_id, enrolment_id, institution_id, credited_seconds,
                                                  last_heartbeat_at, last_activity_at, heartbeats)
                        select s.id, e.id, e.institution_id, (s.hours * 3600)::int, s.ends_at, s.ends_at,
                               (s.hours * 120)::int
                        from class_session s join enrolment e on e.class_id = s.class_id
                        where s.class_id = ? and s.kind = 'ONLINE' and s.ends_at <= now() and e.status = 'ENROLLED'
                        on conflict do nothing""")
                .params(classId).update();
        int missed = (int) Math.round(sessions.size() * 0.38);
        for (int e = 0; e < enrolments.size(); e++) {
            for (int s = 0; s < sessions.size(); s++) {
                if (e == 2 && s >= sessions.size() - missed) {
                    continue;
                }
                jdbc.sql("""
                                insert into check_in (session_id, enrolment_id, institution_id, person_id, direction,
                                                      at, method, token_id, device_fingerprint, ip)
                                select s.id, e.id, e.institution_id, e.person_id, 'IN', s.starts_at + interval '3 minutes',
                                       'QR', ?, 'demo-device-' || e.id, '10.20.0.' || (e.id % 250 + 1)
                                from class_session s, enrolment e where s.id = ? and e.id = ?""")
                        .params(UUID.randomUUID().toString(), sessions.get(s), enrolments.get(e))
                        .update();
            }
        }
    }

    private void score(long classId, long enrolment, BigDecimal theory, BigDecimal practice) {
        AssessmentPolicy policy = completions.assessedClass(classId).assessmentPolicy();
        AssessmentPolicy.Outcome outcome = policy.assess(theory, practice);
        jdbc.sql("""
                        update enrolment set theory_score = ?, practice_score = ?, final_score = ?, passed = ?,
                                             version = version + 1
                        where id = ?""")
                .params(theory, practice, outcome.finalScore(), outcome.passed(), enrolment)
                .update();
        jdbc.sql("""
                        insert into assessment_attempt (enrolment_id, institution_id, attempt, theory_score,
                                                        practice_score, final_score, passed)
                        select id, institution_id, 1, ?, ?, ?, ? from enrolment where id = ?
                        on conflict (enrolment_id, attempt) do nothing""")
                .params(theory, practice, outcome.finalScore(), outcome.passed(), enrolment)
                .update();
    }

    private List<Long> enrolled(long classId) {
        return jdbc.sql("select id from enrolment where class_id = ? and status = 'ENROLLED' order by id")
                .params(classId).query(Long.class).list();
    }
}
