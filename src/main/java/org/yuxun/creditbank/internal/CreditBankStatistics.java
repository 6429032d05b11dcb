package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * The credit bank per institution, as an authority oversees it: applications received and waiting, credits and
 * exemptions awarded, learners' submissions waiting and recognised, rules published. Row-level security decides
 * which institutions an authority sees (those in its remit) and lets it read, never write, their credit-bank records
 * (migration V202612060300); the platform sees all.
 */
@Service
public class CreditBankStatistics {

    /** One institution's figures. */
    public record InstitutionFigures(long institutionId, String institutionName, String regionCode, long applications,
                                     long applicationsWaiting, long awards, BigDecimal credits, long exemptions,
                                     long submissionsWaiting, long submissionsRecognised, long rulesPublished) {
    }

    /** The figures of all institutions in scope together. */
    public record Totals(long institutions, long applications, long applicationsWaiting, long awards,
                         BigDecimal credits, long exemptions, long submissionsWaiting, long submissionsRecognised,
                         long rulesPublished) {
    }

    /** An application as an authority reads it: who, in which programme, how far, how many credits accepted. */
    public record ApplicationRow(long id, String studentName, String studentNumber, String programmeName,
                                 String status, java.time.Instant submittedAt, long lines, long accepted,
                                 long rejected, BigDecimal credits) {
    }

    private static final String FIGURES = """
            with f as (
                select i.id, i.name, i.region_code,
                       (select count(*) from credit_application a where a.institution_id = i.id) as applications,
                       (select count(*) from credit_application a where a.institution_id = i.id
                                                                    and a.status = 'SUBMITTED') as applications_waiting,
                       (select count(*) from credit_award w where w.institution_id = i.id) as awards,
                       (select coalesce(sum(w.credits), 0) from credit_award w where w.institution_id = i.id) as credits,
                       (select count(*) from credit_award w where w.institution_id = i.id and w.exempt) as exemptions,
                       (select count(*) from outcome_submission s where s.institution_id = i.id
                                                                    and s.status = 'SUBMITTED') as submissions_waiting,
                       (select count(*) from outcome_submission s where s.institution_id = i.id
                                                                    and s.status = 'ACCEPTED') as submissions_recognised,
                       (select count(*) from conversion_rule r where r.institution_id = i.id
                                                                 and r.status = 'PUBLISHED') as rules_published
                from institution i
                where (?::text is null or i.name ilike ?) and (?::bigint is null or i.id = ?)
            )
            """;

    private final JdbcClient jdbc;

    CreditBankStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The institutions in scope whose name matches, those with credit-bank activity first (most credits awarded,
     * then most applications), then by name.
     *
     * @param active only institutions with any application, submission or published rule
     */
    public Page<InstitutionFigures> byInstitution(String q, boolean active, int page, int size) {
        String like = AcademicCatalogue.like(q);
        String where = active ? " where applications + submissions_waiting + submissions_recognised + rules_published > 0"
                : "";
        long total = jdbc.sql(FIGURES + "select count(*) from f" + where).params(like, like, null, null)
                .query(Long.class).single();
        List<InstitutionFigures> rows = jdbc.sql(FIGURES + "select * from f" + where
                        + " order by credits desc, applications desc, name limit ? offset ?")
                .params(like, like, null, null, size, (long) page * size).query(CreditBankStatistics::figures).list();
        return new Page<>(rows, page, size, total);
    }

    /** One institution's figures, if it is in scope. */
    public InstitutionFigures institution(long id) {
        return jdbc.sql(FIGURES + "select * from f").params(null, null, id, id).query(CreditBankStatistics::figures)
                .optional().orElseThrow(() -> new NotFound("Institution", id));
    }

    /** The institution's credit applications, newest first, with how their lines were decided. */
    public Page<ApplicationRow> applications(long institutionId, int page, int size) {
        long total = jdbc.sql("select count(*) from credit_application where institution_id = ?")
                .param(institutionId).query(Long.class).single();
        List<ApplicationRow> rows = jdbc.sql("""
                        select a.id, s.name, s.student_number, p.name, a.status, a.submitted_at,
                               (select count(*) from credit_application_line l where l.application_id = a.id),
                               (select count(*) from credit_application_line l where l.application_id = a.id
                                                                                and l.status = 'ACCEPTED'),
                               (select count(*) from credit_application_line l where l.application_id = a.id
                                                                                and l.status = 'REJECTED'),
                               (select coalesce(sum(w.credits), 0) from credit_award w
                                     join credit_application_line l on l.id = w.line_id where l.application_id = a.id)
                        from credit_application a join programme_student s on s.id = a.student_id
                             join degree_programme p on p.id = s.programme_id
                        where a.institution_id = ?
                        order by a.submitted_at desc, a.id desc limit ? offset ?""")
                .params(institutionId, size, (long) page * size)
                .query((rs, n) -> new ApplicationRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getBigDecimal(10))).list();
        return new Page<>(rows, page, size, total);
    }

    private static InstitutionFigures figures(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new InstitutionFigures(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                rs.getLong("applications"), rs.getLong("applications_waiting"), rs.getLong("awards"),
                rs.getBigDecimal("credits"), rs.getLong("exemptions"), rs.getLong("submissions_waiting"),
                rs.getLong("submissions_recognised"), rs.getLong("rules_published"));
    }

    /** The sums over the same institutions. */
    public Totals totals(String q, boolean active) {
        String like = AcademicCatalogue.like(q);
        String where = active ? " where applications + submissions_waiting + submissions_recognised + rules_published > 0"
                : "";
        return jdbc.sql(FIGURES + """
                        select count(*), coalesce(sum(applications), 0), coalesce(sum(applications_waiting), 0),
                               coalesce(sum(awards), 0), coalesce(sum(credits), 0), coalesce(sum(exemptions), 0),
                               coalesce(sum(submissions_waiting), 0), coalesce(sum(submissions_recognised), 0),
                               coalesce(sum(rules_published), 0)
                        from f""" + where)
                .params(like, like, null, null)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))).single();
    }
}
