package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.shared.InvalidInput;

/**
 * Personal learning accounts (个人学习账户) and the outcomes recorded into them (seeds/001 §二(九): "计入个人学习
 * 账号"). One account per person across all institutions, opened with the first outcome; one outcome per source,
 * so an event delivered twice records once. Hours become credits by the recording rule of the outcome's kind.
 */
@Service
public class LearningAccounts {

    /** One recorded outcome as the learner and the receiving institution see it. */
    public record Outcome(long id, long personId, OutcomeKind kind, String sourceType, long sourceId, String title,
                          long institutionId, String institutionName, Long programmeId, String certificateKind,
                          String certificateNo, Integer skillLevel, BigDecimal hours, BigDecimal credits, LocalDate achievedOn,
                          LocalDate revokedOn, String revokedReason, String grade) {

        /** Whether the certificate it was recorded from has been revoked since. */
        public boolean revoked() {
            return revokedOn != null;
        }
    }

    /** The account with its outcomes and credits by category. */
    public record AccountView(String number, List<Outcome> outcomes, Map<OutcomeKind, BigDecimal> creditsByKind,
                              BigDecimal convertedCredits) {

        public BigDecimal totalCredits() {
            return creditsByKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An outcome to record, before the account and the credits are known. */
    public record NewOutcome(long personId, OutcomeKind kind, String sourceType, long sourceId, String title,
                             long institutionId, String institutionName, Long programmeId, String certificateKind,
                             String certificateNo, Integer skillLevel, BigDecimal hours, boolean countsHours,
                             LocalDate achievedOn) {
    }

    private static final String OUTCOME_COLUMNS = """
            id, person_id, kind, source_type, source_id, title, institution_id, institution_name, programme_id,
            certificate_kind,
            certificate_no, skill_level, hours, credits, achieved_on, revoked_on, revoked_reason, grade""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    LearningAccounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The person's account, opened now if they have none; two callers at once end with one account. */
    @Transactional
    public long open(long personId) {
        jdbc.sql("""
                        with n as (select nextval(pg_get_serial_sequence('learning_account', 'id')) as v)
                        insert into learning_account (id, person_id, number)
                        select v, ?, 'XX' || lpad(v::text, 10, '0') from n
                        on conflict (person_id) do nothing""")
                .param(personId).update();
        return jdbc.sql("select id from learning_account where person_id = ?").param(personId)
                .query(Long.class).single();
    }

    /**
     * Records an outcome into the person's account unless its source is recorded already. Hours count as credits
     * by the kind's recording rule only when {@code countsHours}: a certificate earned in a class carries the
     * class's hours, which its training outcome already counted.
     *
     * @return whether a new outcome was recorded
     */
    @Transactional
    public boolean record(NewOutcome o) {
        long account = open(o.personId());
        BigDecimal credits = o.countsHours() && o.hours() != null ? credits(o.kind(), o.hours()) : BigDecimal.ZERO;
        Optional<Long> id = jdbc.sql("""
                        insert into learning_outcome (account_id, person_id, kind, source_type, source_id, title,
                                                      institution_id, institution_name, programme_id,
                                                      certificate_kind, certificate_no, skill_level, hours, credits,
                                                      achieved_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (source_type, source_id) do nothing
                        returning id""")
                .params(account, o.personId(), o.kind().name(), o.sourceType(), o.sourceId(), o.title(),
                        o.institutionId(), o.institutionName(), o.programmeId(), o.certificateKind(),
                        o.certificateNo(), o.skillLevel(), o.hours(), credits, o.achievedOn())
                .query(Long.class).optional();
        id.ifPresent(outcome -> audit.record("RECORD", "LearningOutcome", outcome, o.title(), null,
                Map.of("kind", o.kind().name(), "source", o.sourceType() + " " + o.sourceId(),
                        "credits", credits.toPlainString())));
        return id.isPresent();
    }

    /**
     * Marks the outcome recorded from a source as revoked (its certificate was revoked): it stays in the account,
     * shown as revoked, no longer counts towards the credits by category and can no longer be converted. Credits
     * already awarded from it stay: a revocation does not reach into another institution's records by itself.
     *
     * @return whether an outcome was marked now
     */
    @Transactional
    public boolean markRevoked(String sourceType, long sourceId, LocalDate revokedOn, String reason) {
        String why = reason == null || reason.isBlank() ? "—" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        List<Long> ids = jdbc.sql("""
                        update learning_outcome set revoked_on = ?, revoked_reason = ?
                        where source_type = ? and source_id = ? and revoked_on is null returning id""")
                .params(revokedOn, why, sourceType, sourceId).query(Long.class).list();
        ids.forEach(id -> audit.record("REVOKE", "LearningOutcome", id, "证书已于 " + revokedOn + " 撤销：" + why,
                Map.of("revokedOn", ""), Map.of("revokedOn", revokedOn.toString(), "reason", why)));
        return !ids.isEmpty();
    }

    /**
     * Records an academic course result (kind {@code COURSE}) with the course's own credits and the grade, in the
     * recording institution's scope (row-level security lets it add only the outcomes it records for its students).
     *
     * @return the new outcome's id
     */
    @Transactional
    public long recordCourseResult(long personId, long resultId, String title, long institutionId,
                                   String institutionName, BigDecimal credits, String grade, LocalDate completedOn) {
        long account = open(personId);
        long id = jdbc.sql("""
                        insert into learning_outcome (account_id, person_id, kind, source_type, source_id, title,
                                                      institution_id, institution_name, credits, grade, achieved_on)
                        values (?, ?, 'COURSE', 'COURSE_RESULT', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account, personId, resultId, title, institutionId, institutionName, credits, grade,
                        completedOn).query(Long.class).single();
        audit.record("RECORD", "LearningOutcome", id, title, null,
                Map.of("kind", "COURSE", "source", "COURSE_RESULT " + resultId, "credits", credits.toPlainString(),
                        "grade", grade));
        return id;
    }

    /** Hours ÷ the kind's hours per credit, rounded down to a tenth: a credit is never granted for hours not spent. */
    public BigDecimal credits(OutcomeKind kind, BigDecimal hours) {
        return hours.divide(hoursPerCredit(kind), 1, RoundingMode.DOWN);
    }

    public BigDecimal hoursPerCredit(OutcomeKind kind) {
        return jdbc.sql("select hours_per_credit from credit_recording_rule where outcome_kind = ?")
                .param(kind.name()).query(BigDecimal.class).optional().orElse(new BigDecimal("16"));
    }

    /** The recording rules, per kind of outcome. */
    public Map<OutcomeKind, BigDecimal> recordingRules() {
        Map<OutcomeKind, BigDecimal> rules = new TreeMap<>();
        jdbc.sql("select outcome_kind, hours_per_credit from credit_recording_rule").query().listOfRows()
                .forEach(row -> rules.put(OutcomeKind.valueOf((String) row.get("outcome_kind")),
                        (BigDecimal) row.get("hours_per_credit")));
        return rules;
    }

    /**
     * Changes the hours per credit of a kind of outcome (platform administrators: row-level security lets nobody
     * else write). Applies to outcomes recorded from now on; recorded credits keep the rule they were recorded by.
     */
    @Transactional
    public void changeRecordingRule(OutcomeKind kind, BigDecimal hoursPerCredit) {
        if (hoursPerCredit == null || hoursPerCredit.compareTo(new BigDecimal("1")) < 0
                || hoursPerCredit.compareTo(new BigDecimal("100")) > 0 || hoursPerCredit.scale() > 1) {
            throw new InvalidInput("hoursPerCredit", "credit.setting.invalid", "每学分学时应在 1–100 之间，最多一位小数");
        }
        BigDecimal before = hoursPerCredit(kind);
        int changed = jdbc.sql("""
                        update credit_recording_rule set hours_per_credit = ?, updated_at = now() where outcome_kind = ?""")
                .params(hoursPerCredit, kind.name()).update();
        if (changed == 0) {
            throw new InvalidInput(null, "credit.setting.denied", "只有平台管理员可以修改学分记录规则");
        }
        audit.record("UPDATE", "CreditRecordingRule", kind.name(), kind.name() + " " + hoursPerCredit.toPlainString(),
                Map.of("hoursPerCredit", before.toPlainString()), Map.of("hoursPerCredit", hoursPerCredit.toPlainString()));
    }

    /** The person's account as row-level security lets the caller see it; empty before the first outcome. */
    @Transactional(readOnly = true)
    public AccountView account(long personId) {
        String number = jdbc.sql("select number from learning_account where person_id = ?").param(personId)
                .query(String.class).optional().orElse(null);
        List<Outcome> outcomes = jdbc.sql("select " + OUTCOME_COLUMNS
                        + " from learning_outcome where person_id = ? order by achieved_on desc, id desc")
                .param(personId).query(LearningAccounts::outcome).list();
        Map<OutcomeKind, BigDecimal> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.revoked()) {
                continue;
            }
            byKind.merge(o.kind(), o.credits(), BigDecimal::add);
        }
        BigDecimal converted = jdbc.sql("select coalesce(sum(credits), 0) from credit_award where person_id = ?")
                .param(personId).query(BigDecimal.class).single();
        return new AccountView(number, outcomes, byKind, converted);
    }

    /** One outcome the caller may see. */
    public Optional<Outcome> outcome(long id) {
        return jdbc.sql("select " + OUTCOME_COLUMNS + " from learning_outcome where id = ?").param(id)
                .query(LearningAccounts::outcome).optional();
    }

    static Outcome outcome(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Outcome(rs.getLong("id"), rs.getLong("person_id"), OutcomeKind.valueOf(rs.getString("kind")),
                rs.getString("source_type"), rs.getLong("source_id"), rs.getString("title"),
                rs.getLong("institution_id"), rs.getString("institution_name"), (Long) rs.getObject("programme_id"),
                rs.getString("certificate_kind"),
                rs.getString("certificate_no"), (Integer) rs.getObject("skill_level"), rs.getBigDecimal("hours"),
                rs.getBigDecimal("credits"), rs.getObject("achieved_on", LocalDate.class),
                rs.getObject("revoked_on", LocalDate.class), rs.getString("revoked_reason"), rs.getString("grade"));
    }
}
