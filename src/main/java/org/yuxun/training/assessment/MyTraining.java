package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.shared.NotFound;

/**
 * A learner's own training (我的培训): their enrolments with schedule, attendance, online study, scores and result.
 * Row-level security shows a learner only their own enrolments, so these queries name no person.
 */
@Service
class MyTraining {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** One of the learner's classes in the list. */
    record MyClass(long enrolmentId, long classId, String className, String programmeName, LocalDate startDate,
                   LocalDate endDate, String classStatus, String status) {
    }

    /** The learner's enrolment with its scores and result. */
    record MyEnrolment(long enrolmentId, long classId, String className, String programmeName, LocalDate startDate,
                       LocalDate endDate, String classStatus, String status, String statusReason,
                       BigDecimal theoryScore, BigDecimal practiceScore, BigDecimal finalScore, Boolean passed,
                       BigDecimal attendanceRate, String completionNotes, Instant completedAt) {

        public boolean finished() {
            return "COMPLETED".equals(status) || "NOT_COMPLETED".equals(status);
        }
    }

    /** One session of the learner's schedule and what they did in it. */
    record MySession(long id, Instant startsAt, Instant endsAt, String kind, BigDecimal hours, String topic,
                     String venueName, String teacherName, Instant checkedInAt, Instant checkedOutAt,
                     String leaveStatus, Integer creditedSeconds) {

        public boolean online() {
            return "ONLINE".equals(kind);
        }

        /** Times as the learner reads them, in China Standard Time. */
        public ZonedDateTime localStart() {
            return startsAt.atZone(CHINA);
        }

        public ZonedDateTime localEnd() {
            return endsAt.atZone(CHINA);
        }

        public ZonedDateTime localCheckIn() {
            return checkedInAt == null ? null : checkedInAt.atZone(CHINA);
        }

        public ZonedDateTime localCheckOut() {
            return checkedOutAt == null ? null : checkedOutAt.atZone(CHINA);
        }

        public boolean ended(Instant now) {
            return !endsAt.isAfter(now);
        }

        public boolean upcoming(Instant now) {
            return startsAt.isAfter(now);
        }

        public boolean today(Instant now) {
            return startsAt.atZone(CHINA).toLocalDate().equals(now.atZone(CHINA).toLocalDate());
        }

        /** Hours credited from online study, capped at the session's hours. */
        public BigDecimal onlineHours() {
            if (creditedSeconds == null) {
                return BigDecimal.ZERO.setScale(1);
            }
            BigDecimal credited = BigDecimal.valueOf(creditedSeconds)
                    .divide(BigDecimal.valueOf(3600), 1, java.math.RoundingMode.DOWN);
            return credited.min(hours);
        }

        public boolean attended() {
            return online() ? creditedSeconds != null && creditedSeconds > 0 : checkedInAt != null;
        }
    }

    /** Everything the learner's class page shows. */
    record MyClassDetail(MyEnrolment enrolment, List<MySession> sessions, List<Attempt> attempts,
                         BigDecimal attendanceRate, BigDecimal attendedHours, BigDecimal endedHours,
                         BigDecimal onlineHours) {
    }

    /** One assessment attempt of the learner. */
    record Attempt(int attempt, BigDecimal theoryScore, BigDecimal practiceScore, BigDecimal finalScore,
                   boolean passed, Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final AttendanceFigures attendance;

    MyTraining(JdbcClient jdbc, AttendanceFigures attendance) {
        this.jdbc = jdbc;
        this.attendance = attendance;
    }

    List<MyClass> classes() {
        return jdbc.sql("""
                        select e.id as enrolment_id, c.id as class_id, c.name as class_name,
                               p.name as programme_name, c.start_date, c.end_date, c.status as class_status,
                               e.status
                        from enrolment e
                        join training_class c on c.id = e.class_id
                        left join programme p on p.id = c.programme_id
                        order by c.start_date desc, e.id desc""")
                .query(MyClass.class)
                .list();
    }

    MyClassDetail detail(long enrolmentId) {
        MyEnrolment enrolment = jdbc.sql("""
                        select e.id as enrolment_id, c.id as class_id, c.name as class_name,
                               p.name as programme_name, c.start_date, c.end_date, c.status as class_status,
                               e.status, e.status_reason, e.theory_score, e.practice_score, e.final_score, e.passed,
                               e.attendance_rate, e.completion_notes, e.completed_at
                        from enrolment e
                        join training_class c on c.id = e.class_id
                        left join programme p on p.id = c.programme_id
                        where e.id = ?""")
                .params(enrolmentId)
                .query(MyEnrolment.class)
                .optional()
                .orElseThrow(() -> new NotFound("Enrolment", enrolmentId));
        List<MySession> sessions = jdbc.sql("""
                        select s.id, s.starts_at, s.ends_at, s.kind, s.hours, s.topic, v.name as venue_name,
                               u.display_name as teacher_name,
                               (select min(c.at) from check_in c where c.session_id = s.id and c.enrolment_id = ?
                                  and c.direction = 'IN' and not c.voided) as checked_in_at,
                               (select max(c.at) from check_in c where c.session_id = s.id and c.enrolment_id = ?
                                  and c.direction = 'OUT' and not c.voided) as checked_out_at,
                               (select l.status from leave_request l where l.session_id = s.id
                                  and l.enrolment_id = ?) as leave_status,
                               (select o.credited_seconds from online_study o where o.session_id = s.id
                                  and o.enrolment_id = ?) as credited_seconds
                        from class_session s
                        left join venue v on v.id = s.venue_id
                        left join app_user u on u.id = s.teacher_id
                        where s.class_id = ?
                        order by s.starts_at""")
                .params(enrolmentId, enrolmentId, enrolmentId, enrolmentId, enrolment.classId())
                .query(MySession.class)
                .list();
        List<Attempt> attempts = jdbc.sql("""
                        select attempt, theory_score, practice_score, final_score, passed, recorded_at
                        from assessment_attempt where enrolment_id = ? order by attempt""")
                .params(enrolmentId)
                .query(Attempt.class)
                .list();
        AttendanceFigures.Figure figure = attendance.ofClass(enrolment.classId()).get(enrolmentId);
        BigDecimal online = sessions.stream().filter(MySession::online).map(MySession::onlineHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rate = enrolment.finished() ? enrolment.attendanceRate() : figure == null ? null : figure.rate();
        return new MyClassDetail(enrolment, sessions, attempts, rate,
                figure == null ? BigDecimal.ZERO : figure.attendedHours(),
                figure == null ? BigDecimal.ZERO : figure.endedHours(), online);
    }
}
