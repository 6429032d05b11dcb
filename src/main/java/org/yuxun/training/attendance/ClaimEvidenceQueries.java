package org.yuxun.training.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;
import org.yuxun.training.AttendanceRates.CheckInEvidence;
import org.yuxun.training.ClaimEvidence;

/** Read-only SQL over the training tables for subsidy claims; see {@link ClaimEvidence}. */
@Component
class ClaimEvidenceQueries implements ClaimEvidence {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SPAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String CLASS = """
            select c.id, c.institution_id, c.institution_kind, i.name as institution_name, c.region_code, c.name,
                   p.id as programme_id, p.name as programme_name, p.type, p.occupation_code, p.occupation_name,
                   p.skill_level, c.start_date, c.end_date, c.status, c.subsidised, en.name as enterprise_name,
                   c.completed_at
            from training_class c
            join programme p on p.id = c.programme_id
            join institution i on i.id = c.institution_id
            left join enterprise en on en.id = c.enterprise_id""";

    private final JdbcClient jdbc;

    ClaimEvidenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClassFacts> classFacts(long classId) {
        return jdbc.sql(CLASS + " where c.id = ?").param(classId).query(ClaimEvidenceQueries::facts).optional();
    }

    @Override
    public List<ClassFacts> completedSubsidisedClasses() {
        return jdbc.sql(CLASS + " where c.status = 'COMPLETED' and c.subsidised order by c.end_date desc, c.id desc"
                        + " limit 200")
                .query(ClaimEvidenceQueries::facts).list();
    }

    @Override
    public List<Learner> learners(long classId) {
        return jdbc.sql("""
                        select e.id, e.person_id, p.name, p.document_type, p.document_masked, e.status,
                               e.priority_group, e.final_score, e.passed
                        from enrolment e join person p on p.id = e.person_id
                        where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        order by e.id""")
                .param(classId)
                .query((rs, n) -> new Learner(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                        (Boolean) rs.getObject(9)))
                .list();
    }

    @Override
    public List<SessionWindow> sessions(long classId) {
        return jdbc.sql("select id, starts_at, ends_at, topic from class_session where class_id = ? order by starts_at")
                .param(classId)
                .query((rs, n) -> new SessionWindow(rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    @Override
    public List<CheckInEvidence> checkIns(long classId) {
        return jdbc.sql("""
                        select ci.id, ci.session_id, ci.enrolment_id, ci.person_id, ci.direction, ci.at, ci.method,
                               ci.device_fingerprint, ci.ip, ci.user_agent, ci.voided
                        from check_in ci
                        join enrolment e on e.id = ci.enrolment_id
                        where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        order by ci.at, ci.id""")
                .param(classId)
                .query((rs, n) -> new CheckInEvidence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11)))
                .list();
    }

    @Override
    public Map<Long, String> overlaps(long classId) {
        Map<Long, String> found = new LinkedHashMap<>();
        DataScope.asSystem(() -> jdbc.sql("""
                        select distinct on (e.person_id) e.person_id, s.starts_at, s.ends_at, o.starts_at as o_start,
                               o.ends_at as o_end, (oc.institution_id = c.institution_id) as same_institution
                        from enrolment e
                        join training_class c on c.id = e.class_id
                        join class_session s on s.class_id = e.class_id
                        join enrolment oe on oe.person_id = e.person_id and oe.class_id <> e.class_id
                             and oe.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        join training_class oc on oc.id = oe.class_id
                        join class_session o on o.class_id = oe.class_id
                             and tstzrange(o.starts_at, o.ends_at) && tstzrange(s.starts_at, s.ends_at)
                        where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        order by e.person_id, s.starts_at""")
                .param(classId)
                .query((ResultSet rs) -> {
                    found.put(rs.getLong("person_id"), "本班课次（" + span(rs, "starts_at", "ends_at")
                            + "）与该学员在" + (rs.getBoolean("same_institution") ? "本机构" : "其他机构")
                            + "参加的另一培训班课次（" + span(rs, "o_start", "o_end") + "）时间重叠");
                }));
        return found;
    }

    private static String span(ResultSet rs, String start, String end) throws SQLException {
        var s = rs.getObject(start, OffsetDateTime.class).atZoneSameInstant(ZONE);
        var e = rs.getObject(end, OffsetDateTime.class).atZoneSameInstant(ZONE);
        return SPAN.format(s) + "–" + TIME.format(e);
    }

    private static ClassFacts facts(ResultSet rs, int n) throws SQLException {
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new ClassFacts(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_kind"),
                rs.getString("institution_name"), rs.getString("region_code"), rs.getString("name"),
                rs.getLong("programme_id"), rs.getString("programme_name"), rs.getString("type"),
                rs.getString("occupation_code"), rs.getString("occupation_name"),
                (Integer) rs.getObject("skill_level"), rs.getObject("start_date", java.time.LocalDate.class),
                rs.getObject("end_date", java.time.LocalDate.class), rs.getString("status"),
                rs.getBoolean("subsidised"), rs.getString("enterprise_name"),
                completed == null ? null : completed.toInstant());
    }
}
