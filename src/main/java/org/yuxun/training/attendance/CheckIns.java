package org.yuxun.training.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.shared.database.ScopedDataSource;

/**
 * QR check-in, the hot path of attendance: verify the code (no database), look up the session window (cached),
 * then one call of {@code record_qr_check_in}, whose insert finds the learner's own enrolment and the session
 * (still there, in that class) and records the check-in with its evidence. The function records the signed-in
 * learner only if the data scope of the connection names the same person (migration {@code V202612060500},
 * ADR 3); the scope settings travel in the same round trip ({@link ScopedDataSource#queryInScope}). The person is
 * always the signed-in learner (DESIGN.md, "checking in for someone else"), never a request parameter. A replayed
 * code and a second check-in are stopped by the unique indexes of {@code check_in}, so two phones racing cannot
 * both win.
 */
@Service
public class CheckIns {

    /**
     * A recorded check-in, for the learner's confirmation page.
     *
     * @param className the class of the session
     * @param topic the session's topic, if it has one
     */
    public record CheckedIn(long id, long sessionId, Direction direction, Instant at, String className,
                            String topic) {

        public String time() {
            return Times.time(at);
        }
    }

    private final JdbcClient jdbc;
    private final ScopedDataSource scoped;
    private final AttendanceTokens tokens;
    private final SessionWindows windows;
    private final AttendanceSettings settings;
    private final Clock clock;

    CheckIns(JdbcClient jdbc, ScopedDataSource scoped, AttendanceTokens tokens, SessionWindows windows,
             AttendanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.scoped = scoped;
        this.tokens = tokens;
        this.windows = windows;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks the signed-in learner in (or out) with the code they scanned.
     *
     * @param code the token from the QR code
     * @param expectedSession the session the learner's page says they are checking in to, if any
     * @param personId the signed-in user's own person ({@code DataScope.personId()}); {@code null} for accounts
     *     that are not a learner's
     * @param device where the request came from
     * @throws CheckInRefused with the reason; nothing is recorded
     */
    public CheckedIn checkIn(String code, Long expectedSession, Long personId, Device device) {
        if (personId == null) {
            throw new CheckInRefused(CheckInRefused.Reason.NOT_LEARNER);
        }
        AttendanceToken token = tokens.verify(code);
        if (expectedSession != null && expectedSession != token.sessionId()) {
            throw new CheckInRefused(CheckInRefused.Reason.OTHER_SESSION);
        }
        SessionWindow window = windows.find(token.sessionId())
                .orElseThrow(() -> new CheckInRefused(CheckInRefused.Reason.FORGED));
        Instant now = clock.instant();
        if (token.direction() == Direction.OUT) {
            if (!window.practice()) {
                throw new CheckInRefused(CheckInRefused.Reason.NO_CHECK_OUT);
            }
            if (!window.checkOutOpen(now, settings)) {
                throw new CheckInRefused(CheckInRefused.Reason.NOT_OPEN);
            }
        } else if (!window.checkInOpen(now, settings)) {
            throw new CheckInRefused(CheckInRefused.Reason.NOT_OPEN);
        }
        Long id = scoped.queryInScope("select record_qr_check_in(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rs, row) -> rs.getObject(1, Long.class), personId, window.id(), window.classId(),
                token.direction().name(), Timestamp.from(now), token.id(), device.fingerprint(), device.ip(),
                device.userAgent()).getFirst();
        if (id != null) {
            SessionWindows.Heading heading = windows.heading(window.id());
            return new CheckedIn(id, window.id(), token.direction(), now, heading.className(),
                    heading.topic());
        }
        throw new CheckInRefused(whyNot(window, token, personId));
    }

    /** The slow path, only after a refused insert: which rule stopped it. */
    private CheckInRefused.Reason whyNot(SessionWindow window, AttendanceToken token, long personId) {
        boolean scheduled = jdbc.sql("select exists (select 1 from class_session where id = ? and class_id = ?)")
                .params(window.id(), window.classId()).query(Boolean.class).single();
        if (!scheduled) {
            return CheckInRefused.Reason.FORGED;
        }
        boolean enrolled = jdbc.sql("""
                        select exists (select 1 from enrolment
                                       where class_id = ? and person_id = ? and status = 'ENROLLED')""")
                .params(window.classId(), personId).query(Boolean.class).single();
        if (!enrolled) {
            return CheckInRefused.Reason.NOT_ENROLLED;
        }
        boolean replayed = jdbc.sql("""
                        select exists (select 1 from check_in
                                       where session_id = ? and token_id = ? and person_id = ?)""")
                .params(window.id(), token.id(), personId).query(Boolean.class).single();
        return replayed ? CheckInRefused.Reason.REPLAYED : CheckInRefused.Reason.ALREADY;
    }
}
