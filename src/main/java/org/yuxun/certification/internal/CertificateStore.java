package org.yuxun.certification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateView;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * The certificate register. Every query runs in the caller's data scope (row-level security); the few lookups
 * that must look past it — the issuer's and holder's printed names, the next number of an issuer's sequence —
 * return only what the certificate prints.
 */
@Repository
public class CertificateStore {

    static final String COLUMNS = """
            id, public_id, kind, number, issuer_id, issuer_name, institution_id, person_id, holder_name,
            holder_document_masked, enrolment_id, programme_id, class_id, title, occupation, skill_level, hours,
            issued_on, valid_until, status, revoked_at, revoked_reason, source, version""";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new certificate says; {@code number} is null when the issuer's sequence gives it. */
    public record NewCertificate(CertificateKind kind, long issuerId, String issuerName, long institutionId,
                                 long personId, Long enrolmentId, Long programmeId, Long classId, String title,
                                 String occupation, Integer skillLevel, BigDecimal hours, LocalDate issuedOn,
                                 LocalDate validUntil, String source, String number) {
    }

    /** The stored certificate, and whether this call created it. */
    public record Stored(CertificateView certificate, boolean created) {
    }

    /** Search criteria; each part optional. {@code state} is VALID, REVOKED or EXPIRED. */
    public record Filter(String q, CertificateKind kind, String state, Long classId) {
    }

    /** An institution as a certificate prints it. */
    record Organisation(long id, String name, String kind, String region, String creditCode) {
    }

    /**
     * Stores a certificate, numbering it from the issuer's sequence unless it carries its own number. A certificate
     * for an enrolment that already has one, or with a number the issuer already used, is not stored twice: the
     * existing one is returned, so re-running an issue (a redelivered event, a second bulk run, the same import
     * file) issues nothing new.
     */
    public Stored store(NewCertificate c) {
        Prepared prepared = DataScope.asSystem(() -> prepare(c));
        if (prepared.existing() != null) {
            return new Stored(prepared.existing(), false);
        }
        Organisation issuer = prepared.issuer();
        Organisation institution = prepared.institution();
        Holder holder = prepared.holder();
        String number = prepared.number();
        String issuerName = c.issuerName() != null ? c.issuerName() : issuer.name();
        Optional<Long> id = jdbc.sql("""
                        insert into certificate (kind, number, issuer_id, issuer_kind, issuer_region, issuer_name,
                                                 institution_id, institution_kind, region_code, person_id,
                                                 holder_name, holder_document_masked, enrolment_id, programme_id,
                                                 class_id, title, occupation, skill_level, hours, issued_on,
                                                 valid_until, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        returning id""")
                .params(c.kind().name(), number, issuer.id(), issuer.kind(), issuer.region(), issuerName,
                        institution.id(), institution.kind(), institution.region(), c.personId(), holder.name(),
                        holder.masked(), c.enrolmentId(), c.programmeId(), c.classId(), c.title(), c.occupation(),
                        c.skillLevel(), c.hours(), c.issuedOn(), c.validUntil(), c.source())
                .query(Long.class).optional();
        if (id.isPresent()) {
            return new Stored(find(id.get()).orElseThrow(), true);
        }
        CertificateView existing = DataScope.asSystem(() -> c.enrolmentId() != null
                ? byEnrolment(c.enrolmentId()) : byNumber(issuer.id(), number)).orElseThrow();
        return new Stored(existing, false);
    }

    /** What a new certificate needs from past the caller's scope, or the certificate its enrolment already has. */
    private record Prepared(CertificateView existing, Organisation issuer, Organisation institution, Holder holder,
                            String number) {
    }

    /**
     * Everything {@link #store} reads or draws in system scope, in one go, so that a class issued in a staff
     * member's scope switches scope once per certificate rather than once per lookup.
     */
    private Prepared prepare(NewCertificate c) {
        if (c.enrolmentId() != null) {
            Optional<CertificateView> existing = byEnrolment(c.enrolmentId());
            if (existing.isPresent()) {
                return new Prepared(existing.get(), null, null, null, null);
            }
        }
        Organisation issuer = organisation(c.issuerId());
        Organisation institution = c.institutionId() == c.issuerId() ? issuer : organisation(c.institutionId());
        Holder holder = holder(c.personId());
        String number = c.number() != null ? c.number() : nextNumber(issuer, c.kind(), c.issuedOn().getYear());
        return new Prepared(null, issuer, institution, holder, number);
    }

    /**
     * The next number of the issuer's sequence for this kind and year: {@code <issuer code>-<yyyy>-<letter>-<seq>}
     * (see {@link CertificateNumbers}). The counter row is locked until the caller's transaction ends, so two
     * issuers never draw the same number; it is read and written in system scope because an evaluator's sequence
     * also advances when a training institution completes a class the evaluator certifies.
     */
    String nextNumber(Organisation issuer, CertificateKind kind, int year) {
        int value = DataScope.asSystem(() -> jdbc.sql("""
                        insert into certificate_number (issuer_id, kind, year, last_value) values (?, ?, ?, 1)
                        on conflict (issuer_id, kind, year)
                            do update set last_value = certificate_number.last_value + 1
                        returning last_value""")
                .params(issuer.id(), kind.name(), year).query(Integer.class).single());
        return CertificateNumbers.format(CertificateNumbers.issuerCode(issuer.id(), issuer.creditCode()), year, kind,
                value);
    }

    Organisation organisation(long id) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select id, name, kind, region_code, credit_code from institution where id = ?""")
                .param(id)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional()).orElseThrow(() -> new NotFound("Institution", id));
    }

    private record Holder(String name, String masked) {
    }

    /** The holder's name and masked number as the people register has them, to print on the certificate. */
    private Holder holder(long personId) {
        return DataScope.asSystem(() -> jdbc.sql("select name, document_masked from person where id = ?")
                .param(personId).query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).optional())
                .orElseThrow(() -> new NotFound("Person", personId));
    }

    public Optional<CertificateView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from certificate where id = ?").param(id)
                .query(CertificateStore::view).optional();
    }

    public Optional<CertificateView> byPublicId(UUID publicId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where public_id = ?").param(publicId)
                .query(CertificateStore::view).optional();
    }

    Optional<CertificateView> byEnrolment(long enrolmentId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where enrolment_id = ?").param(enrolmentId)
                .query(CertificateStore::view).optional();
    }

    Optional<CertificateView> byNumber(long issuerId, String number) {
        return jdbc.sql("select " + COLUMNS + " from certificate where issuer_id = ? and number = ?")
                .params(issuerId, number).query(CertificateStore::view).optional();
    }

    /** The certificate with this number and exactly this holder's name, for the public verification form. */
    public Optional<CertificateView> byNumberAndName(String number, String holderName) {
        return jdbc.sql("select " + COLUMNS + " from certificate where number = ? and holder_name = ? limit 1")
                .params(number, holderName).query(CertificateStore::view).optional();
    }

    public Page<CertificateView> search(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from certificate" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<CertificateView> rows = jdbc.sql("select " + COLUMNS + " from certificate" + where
                        + " order by issued_on desc, id desc limit ? offset ?")
                .params(pageParams).query(CertificateStore::view).list();
        return new Page<>(rows, page, size, total);
    }

    public List<CertificateView> all(Filter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from certificate" + where + " order by issued_on desc, id desc limit ?")
                .params(params).query(CertificateStore::view).list();
    }

    /** The caller's own certificates (a learner sees only theirs), newest first. */
    public List<CertificateView> mine(long personId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where person_id = ? order by issued_on desc, id desc")
                .param(personId).query(CertificateStore::view).list();
    }

    public List<CertificateView> ofClass(long classId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where class_id = ? order by number")
                .param(classId).query(CertificateStore::view).list();
    }

    /** Marks the certificate revoked if it is still valid at the given version; false if someone changed it. */
    public boolean revoke(long id, int version, String reason, Long userId) {
        return jdbc.sql("""
                        update certificate set status = 'REVOKED', revoked_at = now(), revoked_reason = ?,
                                               revoked_by = ?, version = version + 1
                        where id = ? and version = ? and status = 'VALID'""")
                .params(reason, userId, id, version).update() == 1;
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.q() != null && !filter.q().isBlank()) {
            String like = "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            where.append(" and (number ilike ? or holder_name ilike ? or title ilike ?)");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.classId() != null) {
            where.append(" and class_id = ?");
            params.add(filter.classId());
        }
        if (filter.state() != null) {
            switch (filter.state()) {
                case "REVOKED" -> where.append(" and status = 'REVOKED'");
                case "EXPIRED" -> where.append(" and status = 'VALID' and valid_until < current_date");
                case "VALID" -> where.append(" and status = 'VALID' and (valid_until is null or valid_until >= current_date)");
                default -> { }
            }
        }
        return where.toString();
    }

    static CertificateView view(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new CertificateView(rs.getLong("id"), rs.getObject("public_id", UUID.class),
                CertificateKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getLong("issuer_id"),
                rs.getString("issuer_name"), rs.getLong("institution_id"), rs.getLong("person_id"),
                rs.getString("holder_name"), rs.getString("holder_document_masked"),
                (Long) rs.getObject("enrolment_id"), (Long) rs.getObject("programme_id"),
                (Long) rs.getObject("class_id"), rs.getString("title"), rs.getString("occupation"),
                (Integer) rs.getObject("skill_level"), rs.getBigDecimal("hours"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("status"), revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revoked_reason"), rs.getString("source"), rs.getInt("version"));
    }

    static Timestamp timestamp(java.time.Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
