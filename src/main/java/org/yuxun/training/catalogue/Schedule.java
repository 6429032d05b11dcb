package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Masking;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Text;
import org.yuxun.training.CatalogueQueries;
import org.yuxun.training.catalogue.ClassManagement.ClassView;

/**
 * The schedule of a class: its sessions (课次). A teacher or a venue cannot be in two places at once, a learner
 * cannot sit in two classes at once, and the hours of each kind may not exceed what the programme sets, because
 * attendance and the subsidy claim are measured against those hours.
 */
@Service
class Schedule implements CatalogueQueries {

    /** Sessions are planned in the institutions' local time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A session as the schedule shows it. */
    record SessionView(long id, LocalDate date, LocalTime start, LocalTime end, SessionKind kind, Long teacherId,
                       String teacherName, Long venueId, String venueName, BigDecimal hours, String topic,
                       int version) {
    }

    /** What a user enters for one session. */
    record SessionCommand(LocalDate date, LocalTime start, LocalTime end, SessionKind kind, Long teacherId,
                          Long venueId, BigDecimal hours, String topic) {
    }

    /** A weekly pattern to generate sessions from. */
    record Pattern(LocalDate from, LocalDate to, Set<DayOfWeek> weekdays, LocalTime start, LocalTime end,
                   SessionKind kind, Long teacherId, Long venueId, BigDecimal hours, String topic) {
    }

    /** One generated session and, if any, why it cannot be saved (shown in the user's language). */
    record Candidate(SessionCommand session, InvalidInput.Violation conflict) {
    }

    /** Hours of one kind: scheduled against what the programme sets. */
    record HoursLine(SessionKind kind, BigDecimal scheduled, BigDecimal planned) {

        public int compare() {
            return scheduled.compareTo(planned);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ClassManagement classes;

    Schedule(JdbcClient jdbc, AuditLog audit, ClassManagement classes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.classes = classes;
    }

    List<SessionView> sessions(long classId) {
        return jdbc.sql("select * from class_session where class_id = ? order by starts_at").param(classId)
                .query((rs, n) -> view(rs)).list();
    }

    SessionView session(long classId, long sessionId) {
        return jdbc.sql("select * from class_session where id = ? and class_id = ?").params(sessionId, classId)
                .query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFound("ClassSession", sessionId));
    }

    List<HoursLine> hours(ClassView c) {
        Map<SessionKind, BigDecimal> scheduled = scheduledHours(c.id(), null);
        return List.of(new HoursLine(SessionKind.THEORY, scheduled.get(SessionKind.THEORY), c.theoryHours()),
                new HoursLine(SessionKind.PRACTICE, scheduled.get(SessionKind.PRACTICE), c.practiceHours()),
                new HoursLine(SessionKind.ONLINE, scheduled.get(SessionKind.ONLINE), c.onlineHours()));
    }

    @Transactional
    long add(long classId, SessionCommand command) {
        ClassView c = schedulable(classId);
        SessionCommand s = normalise(command);
        check(c, s, null, List.of(s));
        long id = insert(c, s);
        audit.record("SCHEDULE", "TrainingClass", classId, c.name() + "：" + describe(s), null, s);
        return id;
    }

    @Transactional
    void edit(long classId, long sessionId, SessionCommand command, int version) {
        ClassView c = schedulable(classId);
        SessionView before = session(classId, sessionId);
        SessionCommand s = normalise(command);
        check(c, s, sessionId, List.of(s));
        try {
            int updated = jdbc.sql("""
                            update class_session set starts_at = ?, ends_at = ?, kind = ?, teacher_id = ?,
                                venue_id = ?, hours = ?, topic = ?, version = version + 1
                            where id = ? and class_id = ? and version = ?""")
                    .params(at(s.date(), s.start()), at(s.date(), s.end()), s.kind().name(), s.teacherId(),
                            s.venueId(), s.hours(), s.topic(), sessionId, classId, version)
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("ClassSession " + sessionId + " was changed");
            }
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
        audit.record("RESCHEDULE", "TrainingClass", classId, c.name() + "：" + describe(s), before, s);
    }

    @Transactional
    void delete(long classId, long sessionId) {
        ClassView c = schedulable(classId);
        SessionView before = session(classId, sessionId);
        boolean attended = jdbc.sql("select class_session_has_check_ins(?)").param(sessionId)
                .query(Boolean.class).single();
        if (attended) {
            throw new InvalidInput(null, "session.delete.attended", "该课次已有考勤记录，不能删除");
        }
        jdbc.sql("delete from class_session where id = ? and class_id = ?").params(sessionId, classId).update();
        audit.record("UNSCHEDULE", "TrainingClass", classId, c.name() + "：" + before.date() + " " + before.start(),
                before, null);
    }

    /** The sessions a weekly pattern gives, skipping dates that already have a session, each with its conflict. */
    List<Candidate> preview(long classId, Pattern pattern) {
        ClassView c = schedulable(classId);
        List<SessionCommand> generated = generate(c, pattern);
        List<Candidate> candidates = new ArrayList<>();
        for (SessionCommand s : generated) {
            InvalidInput.Violation conflict = null;
            try {
                check(c, s, null, List.of(s));
            } catch (InvalidInput e) {
                conflict = e.violations().getFirst();
            }
            candidates.add(new Candidate(s, conflict));
        }
        return candidates;
    }

    /** Saves every session of the pattern, or none if any of them is refused. */
    @Transactional
    int generateAndSave(long classId, Pattern pattern) {
        ClassView c = schedulable(classId);
        List<SessionCommand> generated = generate(c, pattern);
        if (generated.isEmpty()) {
            throw new InvalidInput(null, "session.pattern.none", "按此规则没有可新增的课次（日期已有课次或不在所选星期）");
        }
        for (SessionCommand s : generated) {
            check(c, s, null, generated);
        }
        for (SessionCommand s : generated) {
            insert(c, s);
        }
        audit.record("SCHEDULE", "TrainingClass", classId, c.name() + "：" + generated.size() + " 个课次", null,
                generated);
        return generated.size();
    }

    @Override
    public Optional<String> overlapForPerson(long personId, long classId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select o.starts_at, o.ends_at, o.topic, oc.name as class_name
                        from class_session s
                        join class_session o on o.class_id <> s.class_id
                             and tstzrange(o.starts_at, o.ends_at) && tstzrange(s.starts_at, s.ends_at)
                        join training_class oc on oc.id = o.class_id
                        join enrolment e on e.class_id = o.class_id and e.person_id = ? and e.status = 'ENROLLED'
                        where s.class_id = ?
                        order by o.starts_at limit 1""")
                .params(personId, classId)
                .query((rs, n) -> "与已报名的课次「" + topic(rs) + "」（" + rs.getString("class_name") + "，"
                        + span(rs) + "）时间冲突")
                .optional());
    }

    private ClassView schedulable(long classId) {
        ClassView c = classes.get(classId);
        if (c.status() == ClassStatus.COMPLETED || c.status() == ClassStatus.CANCELLED) {
            throw new InvalidInput(null, "session.class.closed", "已结业或已取消的培训班不能再排课");
        }
        return c;
    }

    private static SessionCommand normalise(SessionCommand s) {
        String topic = Text.normalise(s.topic());
        return new SessionCommand(s.date(), s.start(), s.end(), s.kind(), s.teacherId(),
                s.kind() == SessionKind.ONLINE ? null : s.venueId(), s.hours(),
                topic == null || topic.isEmpty() ? null : topic);
    }

    /**
     * Every rule a session must meet; {@code batch} holds the sessions saved together, whose hours count as well.
     */
    private void check(ClassView c, SessionCommand s, Long exceptId, List<SessionCommand> batch) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (s.date() == null || s.start() == null || s.end() == null || s.kind() == null || s.hours() == null) {
            throw new InvalidInput(null, "session.required", "请填写日期、起止时间、类型和学时");
        }
        if (!s.end().isAfter(s.start())) {
            violations.add(violation("end", "session.time.order", "结束时间必须晚于开始时间"));
        }
        if (s.date().isBefore(c.startDate()) || s.date().isAfter(c.endDate())) {
            violations.add(violation("date", "session.date.outside", "课次日期须在培训班起止日期之内"));
        }
        if (s.hours().signum() <= 0 || s.hours().compareTo(BigDecimal.valueOf(24)) > 0) {
            violations.add(violation("hours", "session.hours.range", "学时须大于 0"));
        }
        if (s.kind() != SessionKind.ONLINE && s.venueId() == null) {
            violations.add(violation("venueId", "session.venue.required", "线下课次须选择场地"));
        }
        if (s.teacherId() != null && classes.teachers(c.institutionId()).stream()
                .noneMatch(t -> t.id() == s.teacherId())) {
            violations.add(violation("teacherId", "session.teacher.unknown", "授课教师须是本单位的教师"));
        }
        if (s.venueId() != null && classes.venues().stream().noneMatch(v -> v.id() == s.venueId())) {
            violations.add(violation("venueId", "session.venue.unknown", "只能选择本单位或合作企业的场地"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        checkHours(c, s, exceptId, batch);
        teacherClash(s, exceptId).ifPresent(a -> {
            throw clash("teacherId", "session.teacher.clash", "教师{0}在 {1} 已有课次「{2}」（{3}）", a);
        });
        venueClash(s, exceptId).ifPresent(a -> {
            throw clash("venueId", "session.venue.clash", "场地{0}在 {1} 已有课次「{2}」（{3}）", a);
        });
        learnerClash(c.id(), s, exceptId).ifPresent(a -> {
            throw clash(null, "session.learner.clash", "学员{0}在 {1} 已有其他培训班的课次「{2}」（{3}）", a);
        });
    }

    private void checkHours(ClassView c, SessionCommand s, Long exceptId, List<SessionCommand> batch) {
        Map<SessionKind, BigDecimal> scheduled = scheduledHours(c.id(), exceptId);
        BigDecimal adding = batch.stream().filter(b -> b.kind() == s.kind()).map(SessionCommand::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal after = scheduled.get(s.kind()).add(adding);
        BigDecimal planned = switch (s.kind()) {
            case THEORY -> c.theoryHours();
            case PRACTICE -> c.practiceHours();
            case ONLINE -> c.onlineHours();
        };
        if (after.compareTo(planned) > 0) {
            Object[] args = {new DefaultMessageSourceResolvable(new String[] {"session.kind." + s.kind().name()},
                    kindName(s.kind())), plain(after), plain(planned)};
            throw new InvalidInput("hours", "session.hours.exceeded", MessageFormat.format(
                    "排课后{0}学时将达到 {1}，超过项目规定的 {2} 学时", kindName(s.kind()), plain(after), plain(planned)),
                    args);
        }
    }

    private Map<SessionKind, BigDecimal> scheduledHours(long classId, Long exceptId) {
        Map<SessionKind, BigDecimal> sums = new EnumMap<>(SessionKind.class);
        for (SessionKind k : SessionKind.values()) {
            sums.put(k, BigDecimal.ZERO);
        }
        jdbc.sql("select kind, sum(hours) as hours from class_session where class_id = ? and id <> ? group by kind")
                .params(classId, exceptId == null ? -1L : exceptId)
                .query(rs -> {
                    sums.put(SessionKind.valueOf(rs.getString("kind")), rs.getBigDecimal("hours"));
                });
        return sums;
    }

    /** The teacher's other sessions, in any class of the institution (read in system scope, finding only). */
    /**
     * A clash names who, when, which session and which class ({@code args} in that order), so the message reads
     * the same in every language.
     */
    private static InvalidInput clash(String field, String code, String chinese, Object[] args) {
        return new InvalidInput(field, code, MessageFormat.format(chinese, args), args);
    }

    private Optional<Object[]> teacherClash(SessionCommand s, Long exceptId) {
        if (s.teacherId() == null) {
            return Optional.empty();
        }
        return DataScope.asSystem(() -> jdbc.sql("""
                        select o.starts_at, o.ends_at, o.topic, c.name as class_name, u.display_name
                        from class_session o join training_class c on c.id = o.class_id
                        join app_user u on u.id = o.teacher_id
                        where o.teacher_id = ? and o.id <> ? and tstzrange(o.starts_at, o.ends_at) && tstzrange(?, ?)
                        order by o.starts_at limit 1""")
                .params(s.teacherId(), exceptId == null ? -1L : exceptId, at(s.date(), s.start()),
                        at(s.date(), s.end()))
                .query((rs, n) -> new Object[] {rs.getString("display_name"), span(rs), topic(rs),
                        rs.getString("class_name")})
                .optional());
    }

    private Optional<Object[]> venueClash(SessionCommand s, Long exceptId) {
        if (s.venueId() == null || s.kind() == SessionKind.ONLINE) {
            return Optional.empty();
        }
        return DataScope.asSystem(() -> jdbc.sql("""
                        select o.starts_at, o.ends_at, o.topic, c.name as class_name, v.name as venue_name
                        from class_session o join training_class c on c.id = o.class_id
                        join venue v on v.id = o.venue_id
                        where o.venue_id = ? and o.kind <> 'ONLINE' and o.id <> ?
                          and tstzrange(o.starts_at, o.ends_at) && tstzrange(?, ?)
                        order by o.starts_at limit 1""")
                .params(s.venueId(), exceptId == null ? -1L : exceptId, at(s.date(), s.start()),
                        at(s.date(), s.end()))
                .query((rs, n) -> new Object[] {rs.getString("venue_name"), span(rs), topic(rs),
                        rs.getString("class_name")})
                .optional());
    }

    /**
     * A learner of this class enrolled in another class, possibly of another institution, with a session at the
     * same time. Looks across scope and returns only the finding, with the learner's name masked (DESIGN.md).
     */
    private Optional<Object[]> learnerClash(long classId, SessionCommand s, Long exceptId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select p.name as person_name, o.starts_at, o.ends_at, o.topic, oc.name as class_name
                        from enrolment mine
                        join enrolment other on other.person_id = mine.person_id and other.class_id <> mine.class_id
                             and other.status = 'ENROLLED'
                        join class_session o on o.class_id = other.class_id
                        join training_class oc on oc.id = o.class_id
                        join person p on p.id = mine.person_id
                        where mine.class_id = ? and mine.status = 'ENROLLED' and o.id <> ?
                          and tstzrange(o.starts_at, o.ends_at) && tstzrange(?, ?)
                        order by o.starts_at limit 1""")
                .params(classId, exceptId == null ? -1L : exceptId, at(s.date(), s.start()), at(s.date(), s.end()))
                .query((rs, n) -> new Object[] {Masking.maskName(rs.getString("person_name")), span(rs), topic(rs),
                        rs.getString("class_name")})
                .optional());
    }

    private List<SessionCommand> generate(ClassView c, Pattern p) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (p.from() == null || p.to() == null || p.to().isBefore(p.from())) {
            violations.add(violation("to", "session.pattern.dates", "请填写起止日期，结束日期不能早于开始日期"));
        } else if (p.from().isBefore(c.startDate()) || p.to().isAfter(c.endDate())) {
            violations.add(violation("from", "session.date.outside", "课次日期须在培训班起止日期之内"));
        }
        if (p.weekdays() == null || p.weekdays().isEmpty()) {
            violations.add(violation("weekdays", "session.pattern.weekdays", "请至少选择一个星期几"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Set<LocalDate> taken = new HashSet<>(sessions(c.id()).stream().map(SessionView::date).toList());
        List<SessionCommand> result = new ArrayList<>();
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            if (p.weekdays().contains(d.getDayOfWeek()) && !taken.contains(d)) {
                result.add(normalise(new SessionCommand(d, p.start(), p.end(), p.kind(), p.teacherId(), p.venueId(),
                        p.hours(), p.topic())));
            }
        }
        return result;
    }

    private long insert(ClassView c, SessionCommand s) {
        try {
            return jdbc.sql("""
                            insert into class_session (class_id, institution_id, starts_at, ends_at, kind, teacher_id,
                                                       venue_id, hours, topic)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(c.id(), c.institutionId(), at(s.date(), s.start()), at(s.date(), s.end()),
                            s.kind().name(), s.teacherId(), s.venueId(), s.hours(), s.topic())
                    .query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
    }

    /** The exclusion constraints are the last guard against a race between two schedulers. */
    private static RuntimeException translate(DataIntegrityViolationException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
            boolean teacher = String.valueOf(sql.getMessage()).contains("teacher");
            return teacher
                    ? new InvalidInput("teacherId", "session.teacher.clash.concurrent", "教师在该时段已有其他课次")
                    : new InvalidInput("venueId", "session.venue.clash.concurrent", "场地在该时段已有其他课次");
        }
        return e;
    }

    static OffsetDateTime at(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(ZONE).toOffsetDateTime();
    }

    private static String span(ResultSet rs) throws SQLException {
        var start = rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(ZONE);
        var end = rs.getObject("ends_at", OffsetDateTime.class).atZoneSameInstant(ZONE);
        return DAY.format(start) + " " + TIME.format(start) + "–" + TIME.format(end);
    }

    private static String topic(ResultSet rs) throws SQLException {
        String topic = rs.getString("topic");
        return topic == null ? "未命名课次" : topic;
    }

    private static String describe(SessionCommand s) {
        return DAY.format(s.date()) + " " + TIME.format(s.start()) + "–" + TIME.format(s.end())
                + (s.topic() == null ? "" : " " + s.topic());
    }

    private static String kindName(SessionKind kind) {
        return switch (kind) {
            case THEORY -> "理论";
            case PRACTICE -> "实操";
            case ONLINE -> "线上";
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static InvalidInput.Violation violation(String field, String code, String message) {
        return new InvalidInput.Violation(field, code, message, new Object[0]);
    }

    private SessionView view(ResultSet rs) throws SQLException {
        var start = rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(ZONE);
        var end = rs.getObject("ends_at", OffsetDateTime.class).atZoneSameInstant(ZONE);
        Long teacher = (Long) rs.getObject("teacher_id");
        Long venue = (Long) rs.getObject("venue_id");
        return new SessionView(rs.getLong("id"), start.toLocalDate(), start.toLocalTime(), end.toLocalTime(),
                SessionKind.valueOf(rs.getString("kind")), teacher, teacher == null ? null : classes.userName(teacher),
                venue, venue == null ? null : venueName(venue), rs.getBigDecimal("hours"), rs.getString("topic"),
                rs.getInt("version"));
    }

    private String venueName(long venueId) {
        return DataScope.asSystem(() -> jdbc.sql("select name from venue where id = ?").param(venueId)
                .query(String.class).optional().orElse(""));
    }
}
