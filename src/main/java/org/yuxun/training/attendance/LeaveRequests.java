package org.yuxun.training.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * 请假: a learner asks for leave from an upcoming session and the teacher or training office decides. Approved
 * leave is shown in the attendance grid but does not count as attended: the completion threshold and the subsidy
 * are about hours actually trained.
 */
@Service
public class LeaveRequests {

    /** A request as the lists show it. */
    public record LeaveView(long id, long sessionId, String className, Instant startsAt, String topic,
                            String learner, String reason, String status, Instant createdAt, Instant decidedAt) {

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public String when() {
            return Times.dateTime(startsAt);
        }
    }

    /** The session a learner asks leave for, as the form shows it. */
    public record LeaveSession(long id, String className, Instant startsAt, Instant endsAt, String topic) {

        public String when() {
            return Times.range(startsAt, endsAt);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    LeaveRequests(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The session, if the caller (a learner) may see it. */
    public LeaveSession session(long sessionId) {
        return jdbc.sql("""
                        select s.id, c.name as class_name, s.starts_at, s.ends_at, s.topic
                        from class_session s join training_class c on c.id = s.class_id where s.id = ?""")
                .param(sessionId).query(LeaveSession.class).optional()
                .orElseThrow(() -> new NotFound("class_session", sessionId));
    }

    /**
     * Files the signed-in learner's request.
     *
     * @throws InvalidInput for a session that has started, without a reason, or asked twice
     */
    @Transactional
    public long request(long sessionId, long personId, String reason) {
        LeaveSession session = session(sessionId);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "leave.reason.required", "请填写请假原因");
        }
        if (why.length() > 500) {
            throw new InvalidInput("reason", "leave.reason.long", "请假原因不能超过 500 个字");
        }
        if (!session.startsAt().isAfter(clock.instant())) {
            throw new InvalidInput("reason", "leave.session.started", "这节课已经开始，不能再请假");
        }
        Long enrolmentId = jdbc.sql("""
                        select e.id from enrolment e join class_session s on s.class_id = e.class_id
                        where s.id = ? and e.person_id = ? and e.status = 'ENROLLED'""")
                .params(sessionId, personId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("enrolment", sessionId));
        Long id = jdbc.sql("""
                        insert into leave_request (enrolment_id, session_id, institution_id, reason)
                        select e.id, ?, e.institution_id, ? from enrolment e where e.id = ?
                        on conflict (enrolment_id, session_id) do nothing
                        returning id""")
                .params(sessionId, why, enrolmentId).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput("reason", "leave.duplicate", "您已为这节课请过假"));
        audit.record("LEAVE_REQUEST", "LeaveRequest", id, "请假：" + session.className(), null,
                Map.of("sessionId", sessionId, "status", "PENDING"));
        return id;
    }

    /** Requests the caller may see, pending first. */
    public List<LeaveView> list() {
        return jdbc.sql("""
                        select l.id, l.session_id, c.name as class_name, s.starts_at, s.topic, p.name as learner,
                               l.reason, l.status, l.created_at, l.decided_at
                        from leave_request l
                        join class_session s on s.id = l.session_id
                        join training_class c on c.id = s.class_id
                        join enrolment e on e.id = l.enrolment_id
                        left join person p on p.id = e.person_id
                        order by l.status <> 'PENDING', s.starts_at desc, l.id desc
                        limit 500""")
                .query(LeaveView.class).list();
    }

    /**
     * Approves or rejects a pending request; a request already decided stays as it is (a second click changes
     * nothing).
     */
    @Transactional
    public void decide(long id, boolean approve, long userId) {
        String status = jdbc.sql("select status from leave_request where id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> new NotFound("leave_request", id));
        if (!"PENDING".equals(status)) {
            return;
        }
        String decision = approve ? "APPROVED" : "REJECTED";
        jdbc.sql("""
                        update leave_request set status = ?, decided_by = ?, decided_at = ?
                        where id = ? and status = 'PENDING'""")
                .params(decision, userId, Timestamp.from(clock.instant()), id).update();
        audit.record(approve ? "LEAVE_APPROVE" : "LEAVE_REJECT", "LeaveRequest", id, "请假审批：" + decision,
                Map.of("status", status), Map.of("status", decision));
    }
}
