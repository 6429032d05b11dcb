package org.yuxun.training.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.shared.NotFound;

/**
 * Online study time, counted on the server from heartbeats only (DESIGN.md, "scripted online hours"). A heartbeat
 * earns time only for an existing online session of a class the signed-in learner is enrolled in, only while the
 * session is scheduled, only while the page reports the learner active, and at most the wall-clock time since the
 * previous heartbeat (capped per beat). There is one row per session and enrolment, locked while it is updated, so
 * two tabs share one clock instead of doubling it. At random intervals the server asks the learner to confirm they
 * are there; time while that check is open is provisional and is dropped if it is not confirmed in time, so a
 * script that only sends heartbeats earns at most until its first check.
 */
@Service
public class OnlineStudy {

    /**
     * What the study page shows after a heartbeat.
     *
     * @param creditedSeconds study time credited so far
     * @param sessionSeconds the session's hours, the most it can earn
     * @param open whether the session is in its scheduled window now
     * @param challenge the code the learner must confirm, while a check is open
     */
    public record StudyState(long sessionId, long creditedSeconds, long sessionSeconds, boolean open,
                             String challenge) {
    }

    private record Row(long enrolmentId, int creditedSeconds, int pendingSeconds, Instant lastHeartbeatAt,
                       String challengeCode, Instant challengeIssuedAt, Instant nextChallengeAt, int heartbeats) {
    }

    private final JdbcClient jdbc;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final RandomGenerator random;

    @Autowired
    public OnlineStudy(JdbcClient jdbc, AttendanceSettings settings, Clock clock, TransactionTemplate tx) {
        this(jdbc, settings, clock, tx, new java.security.SecureRandom());
    }

    OnlineStudy(JdbcClient jdbc, AttendanceSettings settings, Clock clock, TransactionTemplate tx,
                RandomGenerator random) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
        this.random = random;
    }

    /** The online session for the study page; 404 unless it is an online session of the learner's own class. */
    public SessionWindow session(long sessionId, long personId) {
        SessionWindow window = jdbc.sql("""
                        select id, class_id, institution_id, kind, starts_at, ends_at, hours
                        from class_session where id = ?""")
                .param(sessionId).query(SessionWindow.class).optional()
                .filter(SessionWindow::online)
                .orElseThrow(() -> new NotFound("class_session", sessionId));
        enrolment(window, personId);
        return window;
    }

    /** The learner's progress without a heartbeat. */
    public StudyState state(long sessionId, long personId) {
        SessionWindow window = session(sessionId, personId);
        long enrolmentId = enrolment(window, personId);
        Row row = read(sessionId, enrolmentId, false);
        return state(window, row, clock.instant());
    }

    /**
     * Records one heartbeat of the learner's study page.
     *
     * @param active the page was visible and the learner used mouse, keyboard or touch recently
     * @param answer the code of the attention check, when the learner confirmed it
     */
    public StudyState heartbeat(long sessionId, long personId, boolean active, String answer) {
        return tx.execute(status -> beat(sessionId, personId, active, answer));
    }

    private StudyState beat(long sessionId, long personId, boolean active, String answer) {
        SessionWindow window = session(sessionId, personId);
        long enrolmentId = enrolment(window, personId);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into online_study (session_id, enrolment_id, institution_id)
                        values (?, ?, ?) on conflict do nothing""")
                .params(sessionId, enrolmentId, window.institutionId()).update();
        Row row = read(sessionId, enrolmentId, true);
        if (!window.inProgress(now)) {
            return state(window, row, now);
        }
        long elapsed = 0;
        if (row.lastHeartbeatAt() != null && now.isAfter(row.lastHeartbeatAt())) {
            elapsed = Math.min(Duration.between(row.lastHeartbeatAt(), now).toSeconds(),
                    settings.maxCreditPerHeartbeat().toSeconds());
        }
        long earned = active ? elapsed : 0;
        long credited = row.creditedSeconds();
        long pending = row.pendingSeconds();
        String challenge = row.challengeCode();
        Instant issued = row.challengeIssuedAt();
        Instant next = row.nextChallengeAt();
        if (challenge != null) {
            boolean inTime = !now.isAfter(issued.plus(settings.challengeGrace()));
            if (answer != null && challenge.equals(answer.trim())) {
                if (inTime) {
                    credited += pending + earned;
                }
                pending = 0;
                challenge = null;
                issued = null;
                next = now.plus(interval());
            } else if (inTime) {
                pending += earned;
            } else {
                pending = 0;
            }
        } else {
            credited += earned;
            if (next == null) {
                next = now.plus(interval());
            } else if (!now.isBefore(next)) {
                challenge = String.format("%04d", random.nextInt(10_000));
                issued = now;
            }
        }
        credited = Math.min(credited, window.seconds());
        jdbc.sql("""
                        update online_study
                        set credited_seconds = ?, pending_seconds = ?, last_heartbeat_at = ?,
                            last_activity_at = case when ? then ? else last_activity_at end,
                            heartbeats = heartbeats + 1, challenge_code = ?, challenge_issued_at = ?,
                            next_challenge_at = ?
                        where session_id = ? and enrolment_id = ?""")
                .params(credited, pending, Timestamp.from(now), active, Timestamp.from(now), challenge,
                        issued == null ? null : Timestamp.from(issued), next == null ? null : Timestamp.from(next),
                        sessionId, enrolmentId)
                .update();
        return new StudyState(sessionId, credited, window.seconds(), true, challenge);
    }

    private Duration interval() {
        long min = settings.challengeMin().toSeconds();
        long max = settings.challengeMax().toSeconds();
        return Duration.ofSeconds(min + (max > min ? random.nextLong(max - min + 1) : 0));
    }

    private long enrolment(SessionWindow window, long personId) {
        return jdbc.sql("""
                        select id from enrolment where class_id = ? and person_id = ? and status = 'ENROLLED'""")
                .params(window.classId(), personId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("class_session", window.id()));
    }

    private Row read(long sessionId, long enrolmentId, boolean lock) {
        return jdbc.sql("""
                        select enrolment_id, credited_seconds, pending_seconds, last_heartbeat_at, challenge_code,
                               challenge_issued_at, next_challenge_at, heartbeats
                        from online_study where session_id = ? and enrolment_id = ?""" + (lock ? " for update" : ""))
                .params(sessionId, enrolmentId).query(Row.class).optional()
                .orElse(new Row(enrolmentId, 0, 0, null, null, null, null, 0));
    }

    private StudyState state(SessionWindow window, Row row, Instant now) {
        return new StudyState(window.id(), row.creditedSeconds(), window.seconds(), window.inProgress(now),
                row.challengeCode());
    }
}
