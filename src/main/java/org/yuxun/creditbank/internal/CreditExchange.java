package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.internal.AcademicCatalogue.Student;
import org.yuxun.creditbank.internal.ConversionRules.Rule;
import org.yuxun.creditbank.internal.ConversionRules.RuleCourse;
import org.yuxun.creditbank.internal.LearningAccounts.Outcome;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * Credit exchange (学分兑换) and exemption (免修), seeds/001 §二(九): a learner enrolled in an institution's degree
 * programme applies to convert chosen outcomes; the system proposes the institution's rules that apply; the
 * institution reviews each line, and an accepted line awards the credits and exempts the course. An outcome is
 * used at most once per course (a unique index holds a line under review or accepted); an outcome too old for the
 * rule, or already used, is refused with the reason. The institution sees only the outcomes in the application.
 */
@Service
public class CreditExchange {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A conversion the system proposes: outcome × rule × course, with why it cannot be chosen, if so. */
    public record Proposal(Outcome outcome, Rule rule, RuleCourse course, String refusalCode, String refusal,
                           Object[] refusalArgs) {

        public String key() {
            return outcome.id() + ":" + rule.id() + ":" + course.courseId();
        }

        public boolean allowed() {
            return refusalCode == null;
        }
    }

    public record Line(long id, long applicationId, long outcomeId, String outcomeTitle, String outcomeInstitution,
                       LocalDate outcomeDate, String certificateNo, long ruleId, String ruleName, long courseId,
                       String courseCode, String courseName, BigDecimal credits, boolean exempt, String status,
                       String reason, Instant reviewedAt, LocalDate outcomeRevokedOn, String outcomeRevokedReason) {
    }

    public record Application(long id, long institutionId, String institutionName, long personId,
                              String studentName, String studentNumber, String documentMasked, String programmeName,
                              String status, Instant submittedAt, List<Line> lines) {
    }

    public record Award(long id, long institutionId, String institutionName, String courseCode, String courseName,
                        BigDecimal credits, boolean exempt, LocalDate awardedOn, String outcomeTitle) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LearningAccounts accounts;
    private final ConversionRules rules;
    private final AcademicCatalogue catalogue;
    private final OrganizationDirectory organizations;

    CreditExchange(JdbcClient jdbc, AuditLog audit, LearningAccounts accounts, ConversionRules rules,
                   AcademicCatalogue catalogue, OrganizationDirectory organizations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.rules = rules;
        this.catalogue = catalogue;
        this.organizations = organizations;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The learner's programmes (as a student) they may apply to. */
    public List<Student> studentships(long personId) {
        return catalogue.studentships(personId);
    }

    /**
     * Every conversion of the learner's outcomes the rules in force at the student's institution offer for courses
     * of the student's programme (an exemption means something only there), refused ones with their reason, so
     * the learner sees why an outcome cannot be used.
     */
    @Transactional(readOnly = true)
    public List<Proposal> propose(long personId, long studentId) {
        Student student = ownStudent(personId, studentId);
        LocalDate today = today();
        List<Rule> inForce = rules.inForce(student.institutionId(), today);
        List<Proposal> proposals = new ArrayList<>();
        for (Outcome outcome : accounts.account(personId).outcomes()) {
            for (Rule rule : inForce) {
                if (!ConversionPolicy.matches(rule, outcome)) {
                    continue;
                }
                for (RuleCourse course : rule.courses()) {
                    if (course.programmeId() == student.programmeId()) {
                        proposals.add(proposal(outcome, rule, course, today));
                    }
                }
            }
        }
        return proposals;
    }

    private Proposal proposal(Outcome outcome, Rule rule, RuleCourse course, LocalDate today) {
        Optional<ConversionPolicy.Refusal> refusal = ConversionPolicy.refusal(rule, outcome, today);
        if (refusal.isEmpty() && used(outcome.id(), course.courseId())) {
            refusal = Optional.of(new ConversionPolicy.Refusal("credit.refusal.alreadyUsed",
                    "该学习成果已用于课程「{0}」的学分兑换，不能重复使用", course.courseName()));
        }
        return refusal.map(r -> new Proposal(outcome, rule, course, r.code(), r.message(), r.args()))
                .orElseGet(() -> new Proposal(outcome, rule, course, null, null, new Object[0]));
    }

    private boolean used(long outcomeId, long courseId) {
        return jdbc.sql("""
                        select count(*) from credit_application_line
                        where outcome_id = ? and course_id = ? and status in ('PENDING', 'ACCEPTED')""")
                .params(outcomeId, courseId).query(Long.class).single() > 0;
    }

    private Student ownStudent(long personId, long studentId) {
        return catalogue.student(studentId).filter(s -> s.personId() == personId)
                .orElseThrow(() -> new NotFound("ProgrammeStudent", studentId));
    }

    /**
     * Applies to convert the chosen proposals ({@code outcomeId:ruleId:courseId}). Every choice is checked again
     * here; any refused one refuses the whole application with its reason and nothing is saved.
     *
     * @return the new application's id
     */
    @Transactional
    public long apply(long personId, long studentId, List<String> choices) {
        Student student = ownStudent(personId, studentId);
        if (choices == null || choices.isEmpty()) {
            throw new InvalidInput("choices", "credit.application.empty", "请至少选择一项要兑换的学习成果");
        }
        LocalDate today = today();
        List<Proposal> chosen = new ArrayList<>();
        for (String choice : choices) {
            String[] parts = choice.split(":");
            if (parts.length != 3) {
                throw new InvalidInput("choices", "credit.application.unknownChoice", "所选兑换项不存在");
            }
            long outcomeId;
            long ruleId;
            long courseId;
            try {
                outcomeId = Long.parseLong(parts[0]);
                ruleId = Long.parseLong(parts[1]);
                courseId = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                throw new InvalidInput("choices", "credit.application.unknownChoice", "所选兑换项不存在");
            }
            Outcome outcome = accounts.outcome(outcomeId).filter(o -> o.personId() == personId)
                    .orElseThrow(() -> new InvalidInput("choices", "credit.application.unknownChoice", "所选兑换项不存在"));
            Rule rule;
            try {
                rule = rules.get(ruleId);
            } catch (NotFound e) {
                throw new InvalidInput("choices", "credit.application.unknownChoice", "所选兑换项不存在");
            }
            RuleCourse course = rule.courses().stream().filter(c -> c.courseId() == courseId).findFirst()
                    .filter(c -> rule.institutionId() == student.institutionId()
                                 && c.programmeId() == student.programmeId())
                    .orElseThrow(() -> new InvalidInput("choices", "credit.application.unknownChoice", "所选兑换项不存在"));
            Proposal p = proposal(outcome, rule, course, today);
            if (!p.allowed()) {
                throw new InvalidInput("choices", p.refusalCode(), outcome.title() + "：" + p.refusal(),
                        p.refusalArgs());
            }
            if (chosen.stream().anyMatch(c -> c.outcome().id() == outcomeId && c.course().courseId() == courseId)) {
                continue;
            }
            chosen.add(p);
        }
        long application = jdbc.sql("""
                        insert into credit_application (institution_id, person_id, student_id)
                        values (?, ?, ?) returning id""")
                .params(student.institutionId(), personId, student.id()).query(Long.class).single();
        try {
            for (Proposal p : chosen) {
                jdbc.sql("""
                                insert into credit_application_line (application_id, institution_id, person_id,
                                                                     outcome_id, rule_id, course_id, credits, exempt)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(application, student.institutionId(), personId, p.outcome().id(), p.rule().id(),
                                p.course().courseId(), p.course().credits(), p.course().exempt())
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("choices", "credit.refusal.alreadyUsed.any",
                    "所选学习成果已用于该课程的学分兑换，不能重复使用");
        }
        audit.record("APPLY", "CreditApplication", application, student.programmeName(), null,
                Map.of("institutionId", student.institutionId(), "lines", chosen.size()));
        return application;
    }

    // Review --------------------------------------------------------------------------------------------------

    private static final String APPLICATION = """
            select a.id, a.institution_id, a.person_id, s.name, s.student_number, s.document_masked,
                   p.name as programme_name, a.status, a.submitted_at
            from credit_application a join programme_student s on s.id = a.student_id
                 join degree_programme p on p.id = s.programme_id""";

    /** Applications the institution received (row-level security: its own), newest first. */
    public Page<Application> received(String q, String status, int page, int size) {
        String like = AcademicCatalogue.like(q);
        String where = " where (?::text is null or s.name ilike ? or s.student_number ilike ?) and (?::text is null or a.status = ?)";
        long total = jdbc.sql("select count(*) from credit_application a join programme_student s on s.id = a.student_id"
                        + where).params(like, like, like, status, status).query(Long.class).single();
        List<Application> rows = jdbc.sql(APPLICATION + where + " order by a.submitted_at desc, a.id desc limit ? offset ?")
                .params(like, like, like, status, status, size, (long) page * size)
                .query((rs, n) -> application(rs, List.of())).list();
        return new Page<>(rows, page, size, total);
    }

    /** The learner's own applications with their lines, newest first. */
    public List<Application> mine(long personId) {
        return jdbc.sql(APPLICATION + " where a.person_id = ? order by a.submitted_at desc, a.id desc")
                .param(personId).query((rs, n) -> application(rs, List.of())).list().stream()
                .map(a -> application(a.id())).toList();
    }

    public Application application(long id) {
        Application a = jdbc.sql(APPLICATION + " where a.id = ?").param(id)
                .query((rs, n) -> application(rs, List.of())).optional()
                .orElseThrow(() -> new NotFound("CreditApplication", id));
        List<Line> lines = jdbc.sql("""
                        select l.id, l.application_id, l.outcome_id, o.title, o.institution_name, o.achieved_on,
                               o.certificate_no, l.rule_id, coalesce(r.name, ''), l.course_id, coalesce(c.code, ''),
                               coalesce(c.name, ''),
                               l.credits, l.exempt, l.status, l.reason, l.reviewed_at, o.revoked_on, o.revoked_reason
                        from credit_application_line l
                             join learning_outcome o on o.id = l.outcome_id
                             left join conversion_rule r on r.id = l.rule_id
                             left join academic_course c on c.id = l.course_id
                        where l.application_id = ? order by l.id""")
                .param(id).query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8),
                        rs.getString(9), rs.getLong(10), rs.getString(11), rs.getString(12), rs.getBigDecimal(13),
                        rs.getBoolean(14), rs.getString(15), rs.getString(16),
                        rs.getTimestamp(17) == null ? null : rs.getTimestamp(17).toInstant(),
                        rs.getObject(18, LocalDate.class), rs.getString(19))).list();
        return new Application(a.id(), a.institutionId(), a.institutionName(), a.personId(), a.studentName(),
                a.studentNumber(), a.documentMasked(), a.programmeName(), a.status(), a.submittedAt(), lines);
    }

    /**
     * Accepts or rejects one line under review. Accepting records the credits and the exemption; a rejection
     * needs a reason. When no line is left under review the application is reviewed. A line whose outcome's
     * certificate was revoked since the application cannot be accepted, only rejected.
     *
     * @param reviewerId the reviewing user, or null for system work (the demo data)
     */
    @Transactional
    public void review(long applicationId, long lineId, boolean accept, String reason, Long reviewerId) {
        Application a = application(applicationId);
        Line line = a.lines().stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new NotFound("CreditApplicationLine", lineId));
        if (!"PENDING".equals(line.status())) {
            throw new InvalidInput(null, "credit.review.done", "该项已审核");
        }
        if (accept && line.outcomeRevokedOn() != null) {
            throw new InvalidInput(null, "credit.review.revoked", line.outcomeTitle() + "：证书已于 "
                    + line.outcomeRevokedOn() + " 撤销（" + line.outcomeRevokedReason() + "），不能通过，请驳回");
        }
        String why = AcademicCatalogue.trim(reason);
        if (!accept && (why == null || why.length() > 500)) {
            throw new InvalidInput("reason", "credit.review.reason.required", "驳回时请填写原因（不超过 500 字）");
        }
        jdbc.sql("""
                        update credit_application_line set status = ?, reason = ?, reviewed_by = ?, reviewed_at = now()
                        where id = ? and status = 'PENDING'""")
                .params(accept ? "ACCEPTED" : "REJECTED", accept ? null : why, reviewerId, lineId).update();
        if (accept) {
            jdbc.sql("""
                            insert into credit_award (person_id, institution_id, course_id, outcome_id, line_id, credits,
                                                      exempt, awarded_on)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.personId(), a.institutionId(), line.courseId(), line.outcomeId(), lineId,
                            line.credits(), line.exempt(), today()).update();
        }
        jdbc.sql("""
                        update credit_application set status = 'REVIEWED', reviewed_at = now()
                        where id = ? and not exists (select 1 from credit_application_line
                                                     where application_id = ? and status = 'PENDING')""")
                .params(applicationId, applicationId).update();
        audit.record(accept ? "ACCEPT" : "REJECT", "CreditApplicationLine", lineId,
                line.outcomeTitle() + " → " + line.courseName(), Map.of("status", "PENDING"),
                accept ? Map.of("status", "ACCEPTED", "credits", line.credits().toPlainString())
                        : Map.of("status", "REJECTED", "reason", why));
    }

    /** The credits and exemptions the learner holds, as the caller may see them. */
    public List<Award> awards(long personId) {
        return jdbc.sql("""
                        select w.id, w.institution_id, c.code, c.name, w.credits, w.exempt, w.awarded_on, o.title
                        from credit_award w join academic_course c on c.id = w.course_id
                             join learning_outcome o on o.id = w.outcome_id
                        where w.person_id = ? order by w.awarded_on desc, w.id desc""")
                .param(personId).query((rs, n) -> new Award(rs.getLong(1), rs.getLong(2),
                        organizations.institutionName(rs.getLong(2)).orElse(""), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getString(8)))
                .list();
    }

    private Application application(java.sql.ResultSet rs, List<Line> lines) throws java.sql.SQLException {
        long institution = rs.getLong("institution_id");
        return new Application(rs.getLong("id"), institution, organizations.institutionName(institution).orElse(""),
                rs.getLong("person_id"), rs.getString("name"), rs.getString("student_number"),
                rs.getString("document_masked"), rs.getString("programme_name"), rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(), lines);
    }
}
