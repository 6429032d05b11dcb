package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.Page;

/**
 * Learning outcomes a learner submits with evidence (a competition award, an outside certificate …) to an
 * institution of their choice — the issuing or the receiving one — which reviews them (认定): accepted, the outcome
 * is recorded in the learner's account and can be converted like any other; rejected, the learner sees the reason
 * (seeds/001 §二(九)). Row-level security shows an institution only the submissions sent to it. Evidence is a PDF,
 * JPEG or PNG of at most 5 MB, recognised by its content, not by its name.
 */
@Service
public class OutcomeSubmissions {

    public static final List<OutcomeKind> KINDS = List.of(OutcomeKind.COMPETITION, OutcomeKind.CERTIFICATE,
            OutcomeKind.OTHER);

    public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

    /** What a learner submits. */
    public record NewSubmission(Long institutionId, OutcomeKind kind, String title, String issuer,
                                LocalDate achievedOn, BigDecimal hours, String level, String evidenceName,
                                byte[] evidence) {
    }

    /** A submission as its learner and its institution see it (without the evidence's bytes). */
    public record Submission(long id, long personId, String personName, long institutionId, String institutionName,
                             OutcomeKind kind, String title, String issuer, LocalDate achievedOn, BigDecimal hours,
                             String level, String evidenceName, String evidenceType, String status, String reason,
                             Instant submittedAt, Instant reviewedAt) {
    }

    /** The evidence file. */
    public record Evidence(String name, String type, byte[] bytes) {
    }

    /** An institution a learner may send a submission to; {@code mine} when the learner studies or trains there. */
    public record InstitutionOption(long id, String name, boolean mine) {
    }

    private static final String SUBMISSION = """
            select s.id, s.person_id, s.person_name, s.institution_id, s.kind, s.title, s.issuer,
                   s.achieved_on, s.hours, s.level, s.evidence_name, s.evidence_type, s.status, s.reason,
                   s.submitted_at, s.reviewed_at
            from outcome_submission s""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LearningAccounts accounts;
    private final OrganizationDirectory organizations;

    OutcomeSubmissions(JdbcClient jdbc, AuditLog audit, LearningAccounts accounts,
                       OrganizationDirectory organizations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /**
     * Submits an outcome for review by the chosen institution; every problem is reported at its field and nothing
     * is saved.
     *
     * @return the submission's id
     */
    @Transactional
    public long submit(long personId, NewSubmission s) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String institutionName = null;
        if (s.institutionId() == null) {
            problems.add(v("institutionId", "credit.submission.institution.required", "请选择认定机构"));
        } else {
            institutionName = organizations.institution(s.institutionId())
                    .filter(OrganizationDirectory.InstitutionInfo::active)
                    .map(OrganizationDirectory.InstitutionInfo::name).orElse(null);
            if (institutionName == null) {
                problems.add(v("institutionId", "credit.submission.institution.required", "请选择认定机构"));
            }
        }
        if (s.kind() == null || !KINDS.contains(s.kind())) {
            problems.add(v("kind", "credit.submission.kind.required", "请选择成果类型"));
        }
        String title = AcademicCatalogue.trim(s.title());
        if (title == null || title.length() > 100) {
            problems.add(v("title", "credit.submission.title.invalid", "请填写成果名称（不超过 100 字）"));
        }
        String issuer = AcademicCatalogue.trim(s.issuer());
        if (issuer == null || issuer.length() > 100) {
            problems.add(v("issuer", "credit.submission.issuer.invalid", "请填写颁发单位（不超过 100 字）"));
        }
        if (s.achievedOn() == null || s.achievedOn().isAfter(CreditExchange.today())
                || s.achievedOn().isBefore(LocalDate.of(1950, 1, 1))) {
            problems.add(v("achievedOn", "credit.submission.date.invalid", "请填写取得日期（不晚于今天）"));
        }
        if (s.hours() != null && (s.hours().signum() <= 0 || s.hours().compareTo(new BigDecimal("5000")) > 0
                                  || s.hours().scale() > 1)) {
            problems.add(v("hours", "credit.submission.hours.invalid", "学时应在 0.5–5000 之间，最多一位小数"));
        }
        String level = AcademicCatalogue.trim(s.level());
        if (level != null && level.length() > 30) {
            problems.add(v("level", "credit.submission.level.invalid", "等级或名次不超过 30 字"));
        }
        String type = null;
        if (s.evidence() == null || s.evidence().length == 0) {
            problems.add(v("evidence", "credit.submission.evidence.required", "请上传证明材料（PDF、JPG 或 PNG）"));
        } else if (s.evidence().length > MAX_EVIDENCE_BYTES) {
            problems.add(v("evidence", "credit.submission.evidence.tooLarge", "证明材料不能超过 5 MB"));
        } else {
            type = type(s.evidence());
            if (type == null) {
                problems.add(v("evidence", "credit.submission.evidence.type", "证明材料只能是 PDF、JPG 或 PNG 文件"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String name = AcademicCatalogue.trim(s.evidenceName());
        name = name == null ? "evidence" : name.length() > 200 ? name.substring(name.length() - 200) : name;
        String personName = jdbc.sql("select name from person where id = ?").param(personId).query(String.class)
                .optional().orElse("");
        long id = jdbc.sql("""
                        insert into outcome_submission (person_id, person_name, institution_id, kind, title, issuer, achieved_on,
                                                        hours, level, evidence_name, evidence_type, evidence)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, personName, s.institutionId(), s.kind().name(), title, issuer, s.achievedOn(), s.hours(), level,
                        name, type, s.evidence()).query(Long.class).single();
        audit.record("SUBMIT", "OutcomeSubmission", id, title + " → " + institutionName, null,
                Map.of("kind", s.kind().name(), "institutionId", s.institutionId(), "evidence", name));
        return id;
    }

    /**
     * Withdraws the learner's own submission while it waits for review; the row and its evidence are deleted. One
     * already reviewed stays as the record of the decision.
     */
    @Transactional
    public void withdraw(long personId, long id) {
        Submission s = get(id);
        if (s.personId() != personId) {
            throw new NotFound("OutcomeSubmission", id);
        }
        int deleted = jdbc.sql("delete from outcome_submission where id = ? and person_id = ? and status = 'SUBMITTED'")
                .params(id, personId).update();
        if (deleted == 0) {
            throw new InvalidInput(null, "credit.submission.reviewed", "该申报已审核，不能撤回");
        }
        audit.record("WITHDRAW", "OutcomeSubmission", id, s.title() + " → " + s.institutionName(),
                Map.of("status", "SUBMITTED"), null);
    }

    /** The evidence's type by its first bytes, or null when it is none of PDF, JPEG, PNG. */
    static String type(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
            && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /**
     * The institutions a learner can choose to review a submission: every active institution, since the issuing
     * or the receiving one may review it (seeds/001 §二(九)), those the learner is linked to first. Institutions are
     * not readable in a learner's scope, so the names are read in system scope; names only, as the public rule
     * catalogue shows them.
     */
    public List<InstitutionOption> institutions(long personId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select i.id, i.name,
                               exists (select 1 from person_link l where l.person_id = ? and l.org_kind = 'INSTITUTION'
                                       and l.org_id = i.id)
                               or exists (select 1 from programme_student s where s.person_id = ?
                                          and s.institution_id = i.id) as mine
                        from institution i where i.active
                        order by mine desc, i.name""")
                .params(personId, personId)
                .query((rs, n) -> new InstitutionOption(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list());
    }

    /** The learner's own submissions, newest first. */
    public List<Submission> mine(long personId) {
        return jdbc.sql(SUBMISSION + " where s.person_id = ? order by s.submitted_at desc, s.id desc").param(personId)
                .query(this::submission).list();
    }

    /** Submissions sent to the caller's institution (row-level security), newest first. */
    public Page<Submission> received(String q, String status, int page, int size) {
        String like = AcademicCatalogue.like(q);
        String where = " where (?::text is null or s.person_name ilike ? or s.title ilike ?) and (?::text is null or s.status = ?)";
        long total = jdbc.sql("select count(*) from outcome_submission s" + where)
                .params(like, like, like, status, status).query(Long.class).single();
        List<Submission> rows = jdbc.sql(SUBMISSION + where + " order by s.submitted_at desc, s.id desc limit ? offset ?")
                .params(like, like, like, status, status, size, (long) page * size).query(this::submission).list();
        return new Page<>(rows, page, size, total);
    }

    /** One institution's submissions, newest first, as an authority overseeing it reads them (row-level security). */
    public Page<Submission> ofInstitution(long institutionId, int page, int size) {
        long total = jdbc.sql("select count(*) from outcome_submission where institution_id = ?").param(institutionId)
                .query(Long.class).single();
        List<Submission> rows = jdbc.sql(SUBMISSION + " where s.institution_id = ? order by s.submitted_at desc, s.id desc"
                        + " limit ? offset ?")
                .params(institutionId, size, (long) page * size).query(this::submission).list();
        return new Page<>(rows, page, size, total);
    }

    public Submission get(long id) {
        return jdbc.sql(SUBMISSION + " where s.id = ?").param(id).query(this::submission).optional()
                .orElseThrow(() -> new NotFound("OutcomeSubmission", id));
    }

    public Optional<Evidence> evidence(long id) {
        return jdbc.sql("select evidence_name, evidence_type, evidence from outcome_submission where id = ?").param(id)
                .query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * Accepts (认定) or rejects a submission under review; a rejection needs a reason. Accepting records the outcome
     * in the learner's account, hours becoming credits by the kind's recording rule.
     *
     * @param reviewerId the reviewing user, or null for system work (the demo data)
     */
    @Transactional
    public void review(long id, boolean accept, String reason, Long reviewerId) {
        Submission s = get(id);
        if (!"SUBMITTED".equals(s.status())) {
            throw new InvalidInput(null, "credit.submission.done", "该成果已认定");
        }
        String why = AcademicCatalogue.trim(reason);
        if (!accept && (why == null || why.length() > 500)) {
            throw new InvalidInput("reason", "credit.review.reason.required", "驳回时请填写原因（不超过 500 字）");
        }
        Long outcome = null;
        if (accept) {
            String title = s.level() == null ? s.title() : s.title() + "（" + s.level() + "）";
            accounts.record(new LearningAccounts.NewOutcome(s.personId(), s.kind(), "SUBMISSION", s.id(), title,
                    s.institutionId(), s.issuer(), null, null, null, null, s.hours(), true, s.achievedOn()));
            outcome = jdbc.sql("select id from learning_outcome where source_type = 'SUBMISSION' and source_id = ?")
                    .param(s.id()).query(Long.class).single();
        }
        int changed = jdbc.sql("""
                        update outcome_submission set status = ?, reason = ?, reviewed_by = ?, reviewed_at = now(),
                                                      outcome_id = ?
                        where id = ? and status = 'SUBMITTED'""")
                .params(accept ? "ACCEPTED" : "REJECTED", accept ? null : why, reviewerId, outcome, id).update();
        if (changed == 0) {
            throw new InvalidInput(null, "credit.submission.done", "该成果已认定");
        }
        audit.record(accept ? "ACCEPT" : "REJECT", "OutcomeSubmission", id, s.title(), Map.of("status", "SUBMITTED"),
                accept ? Map.of("status", "ACCEPTED", "outcomeId", outcome) : Map.of("status", "REJECTED", "reason", why));
    }

    private Submission submission(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long institution = rs.getLong("institution_id");
        return new Submission(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), institution,
                organizations.institutionName(institution).orElse(""), OutcomeKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("issuer"), rs.getObject("achieved_on", LocalDate.class),
                rs.getBigDecimal("hours"), rs.getString("level"), rs.getString("evidence_name"),
                rs.getString("evidence_type"), rs.getString("status"), rs.getString("reason"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant());
    }

    private static InvalidInput.Violation v(String field, String code, String message) {
        return new InvalidInput.Violation(field, code, message, new Object[0]);
    }
}
