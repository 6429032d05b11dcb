package org.yuxun.training.attendance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * The teacher's side of one session: who is there (the live list), roll call and corrections. Row-level security
 * decides whose sessions these are: a teacher reaches only the classes they teach, training officers their
 * institution's. Roll call and corrections are state changes and are audited; a QR check-in is evidence and is
 * never erased by a roll call, only voided by a correction that gives its reason.
 */
@Service
public class SessionAttendance {

    /** The session as the teacher's pages show it. */
    public record SessionView(long id, long classId, String className, Instant startsAt, Instant endsAt,
                              String kind, BigDecimal hours, String topic, String venue) {

        public boolean practice() {
            return "PRACTICE".equals(kind);
        }

        public boolean online() {
            return "ONLINE".equals(kind);
        }

        public String when() {
            return Times.range(startsAt, endsAt);
        }
    }

    /** One enrolled learner and their attendance of the session. */
    public record Attendee(long enrolmentId, String name, Instant checkedInAt, String inMethod, Instant checkedOutAt,
                           String leave) {

        public boolean present() {
            return checkedInAt != null;
        }

        public boolean onLeave() {
            return "APPROVED".equals(leave);
        }

        public String checkedInTime() {
            return Times.time(checkedInAt);
        }

        public String checkedOutTime() {
            return Times.time(checkedOutAt);
        }
    }

    /** The live list: everyone enrolled, those checked in first, with the counts the projector shows. */
    public record LiveList(List<Attendee> attendees, int checkedIn, int checkedOut, int onLeave) {

        public int enrolled() {
            return attendees.size();
        }
    }

    /** What the teacher marks at roll call. */
    public enum Mark { PRESENT, ABSENT, LEAVE }

    /** Whether a correction adds a missing check-in or voids a wrong one. */
    public enum Correction { ADD, VOID }

    /** A check-in as the audit trail keeps it (no personal data). */
    record CheckInSnapshot(long sessionId, long enrolmentId, String direction, String method, Instant at,
                           boolean voided, String reason) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SessionAttendance(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The session, for those who run or teach its class (the class of a published programme is public, its roll is
     * not).
     *
     * @throws NotFound when the session does not exist or is not the caller's
     */
    public SessionView session(long sessionId) {
        return jdbc.sql("""
                        select s.id, s.class_id, c.name as class_name, s.starts_at, s.ends_at, s.kind, s.hours,
                               s.topic, v.name as venue
                        from class_session s
                        join training_class c on c.id = s.class_id
                        left join venue v on v.id = s.venue_id
                        where s.id = ? and training_class_staff_visible(s.class_id)""")
                .param(sessionId).query(SessionView.class).optional()
                .orElseThrow(() -> new NotFound("class_session", sessionId));
    }

    public LiveList live(long sessionId) {
        SessionView session = session(sessionId);
        List<Attendee> attendees = jdbc.sql("""
                        select e.id as enrolment_id, p.name,
                               (select min(c.at) from check_in c where c.session_id = :session
                                  and c.enrolment_id = e.id and c.direction = 'IN' and not c.voided) as checked_in_at,
                               (select c.method from check_in c where c.session_id = :session
                                  and c.enrolment_id = e.id and c.direction = 'IN' and not c.voided
                                order by c.at limit 1) as in_method,
                               (select min(c.at) from check_in c where c.session_id = :session
                                  and c.enrolment_id = e.id and c.direction = 'OUT' and not c.voided) as checked_out_at,
                               (select l.status from leave_request l where l.session_id = :session
                                  and l.enrolment_id = e.id) as leave
                        from enrolment e
                        left join person p on p.id = e.person_id
                        where e.class_id = :class and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        order by checked_in_at nulls last, p.name, e.id""")
                .param("session", sessionId).param("class", session.classId())
                .query(Attendee.class).list();
        int in = (int) attendees.stream().filter(Attendee::present).count();
        int out = (int) attendees.stream().filter(a -> a.checkedOutAt() != null).count();
        int leave = (int) attendees.stream().filter(Attendee::onLeave).count();
        return new LiveList(attendees, in, out, leave);
    }

    /**
     * Records the teacher's roll call. Present adds a roll-call check-in where there is none; absent voids only
     * check-ins an earlier roll call made (a QR check-in needs a correction with a reason); leave records an
     * approved leave for the session.
     *
     * @param marks by enrolment id; learners not in the map are left as they are
     */
    @Transactional
    public void rollCall(long sessionId, Map<Long, Mark> marks, long teacherId) {
        SessionView session = session(sessionId);
        Map<Long, Attendee> current = new java.util.HashMap<>();
        live(sessionId).attendees().forEach(a -> current.put(a.enrolmentId(), a));
        Instant now = clock.instant();
        for (Map.Entry<Long, Mark> entry : marks.entrySet()) {
            Attendee attendee = current.get(entry.getKey());
            if (attendee == null) {
                throw new InvalidInput(null, "attendance.rollcall.unknown", "名单中没有这位学员");
            }
            Mark mark = entry.getValue();
            Mark was = attendee.present() ? Mark.PRESENT : attendee.onLeave() ? Mark.LEAVE : Mark.ABSENT;
            if (mark == was) {
                continue;
            }
            if (was == Mark.PRESENT && !"ROLL_CALL".equals(attendee.inMethod())) {
                throw new InvalidInput(null, "attendance.rollcall.scanned",
                        "{0} 已扫码签到；如需作废，请使用“更正”并填写原因", attendee.name());
            }
            if (was == Mark.PRESENT) {
                jdbc.sql("""
                                update check_in set voided = true, reason = '点名更改', recorded_by = ?
                                where session_id = ? and enrolment_id = ? and direction = 'IN' and not voided""")
                        .params(teacherId, sessionId, attendee.enrolmentId()).update();
            }
            if (was == Mark.LEAVE) {
                jdbc.sql("delete from leave_request where session_id = ? and enrolment_id = ?")
                        .params(sessionId, attendee.enrolmentId()).update();
            }
            if (mark == Mark.PRESENT) {
                insert(session, attendee.enrolmentId(), Direction.IN, "ROLL_CALL", now, teacherId, null);
            } else if (mark == Mark.LEAVE) {
                jdbc.sql("""
                                insert into leave_request (enrolment_id, session_id, institution_id, reason, status,
                                                           decided_by, decided_at)
                                select e.id, ?, e.institution_id, '点名时登记请假', 'APPROVED', ?, ?
                                from enrolment e where e.id = ?""")
                        .params(sessionId, teacherId, Timestamp.from(now), attendee.enrolmentId()).update();
            }
            audit.record("ROLL_CALL", "Enrolment", attendee.enrolmentId(),
                    "点名：" + session.className() + " 课次 " + sessionId + " " + was + " → " + mark,
                    Map.of("mark", was.name()), Map.of("mark", mark.name()));
        }
    }

    /**
     * Adds a missing check-in or voids a wrong one, with the reason, audited (the subsidy review reads both).
     *
     * @throws InvalidInput without a reason, or when there is nothing to void or already a check-in to add
     */
    @Transactional
    public void correct(long sessionId, long enrolmentId, Correction correction, Direction direction, String reason,
                        long userId) {
        SessionView session = session(sessionId);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "attendance.correction.reason.required", "请填写更正原因");
        }
        if (why.length() > 500) {
            throw new InvalidInput("reason", "attendance.correction.reason.long", "更正原因不能超过 500 个字");
        }
        if (direction == Direction.OUT && !session.practice()) {
            throw new InvalidInput("direction", "attendance.correction.out", "只有实训课需要签退");
        }
        boolean enrolled = jdbc.sql("""
                        select exists (select 1 from enrolment where id = ? and class_id = ?
                                       and status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED'))""")
                .params(enrolmentId, session.classId()).query(Boolean.class).single();
        if (!enrolled) {
            throw new NotFound("enrolment", enrolmentId);
        }
        Optional<CheckInSnapshot> existing = jdbc.sql("""
                        select session_id, enrolment_id, direction, method, at, voided, reason from check_in
                        where session_id = ? and enrolment_id = ? and direction = ? and not voided""")
                .params(sessionId, enrolmentId, direction.name()).query(CheckInSnapshot.class).optional();
        Instant now = clock.instant();
        if (correction == Correction.ADD) {
            if (existing.isPresent()) {
                throw new InvalidInput("enrolmentId", "attendance.correction.exists", "这位学员已有签到记录，无需补签");
            }
            insert(session, enrolmentId, direction, "CORRECTION", now, userId, why);
            audit.record("ATTENDANCE_CORRECT", "Enrolment", enrolmentId, "补签：课次 " + sessionId + "，" + why,
                    null, new CheckInSnapshot(sessionId, enrolmentId, direction.name(), "CORRECTION", now, false,
                            why));
        } else {
            CheckInSnapshot before = existing.orElseThrow(() -> new InvalidInput("enrolmentId",
                    "attendance.correction.none", "这位学员没有可作废的签到记录"));
            jdbc.sql("""
                            update check_in set voided = true, reason = ?, recorded_by = ?
                            where session_id = ? and enrolment_id = ? and direction = ? and not voided""")
                    .params(why, userId, sessionId, enrolmentId, direction.name()).update();
            audit.record("ATTENDANCE_CORRECT", "Enrolment", enrolmentId, "作废签到：课次 " + sessionId + "，" + why,
                    before, new CheckInSnapshot(before.sessionId(), enrolmentId, before.direction(), before.method(),
                            before.at(), true, why));
        }
    }

    private void insert(SessionView session, long enrolmentId, Direction direction, String method, Instant at,
                        long recordedBy, String reason) {
        jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, at,
                                              method, recorded_by, reason)
                        select ?, e.id, e.institution_id, e.person_id, ?, ?, ?, ?, ?
                        from enrolment e where e.id = ?""")
                .params(session.id(), direction.name(), Timestamp.from(at), method, recordedBy, reason, enrolmentId)
                .update();
    }
}
