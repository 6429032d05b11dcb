package org.yuxun.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.certification.internal.Awards;
import org.yuxun.certification.internal.Awards.Earned;
import org.yuxun.certification.internal.CertificateStore;
import org.yuxun.certification.internal.CertificateStore.Filter;
import org.yuxun.certification.internal.CertificateStore.NewCertificate;
import org.yuxun.certification.internal.CertificateStore.Stored;
import org.yuxun.certification.internal.Verdicts;
import org.yuxun.credentials.AchievementClaim;
import org.yuxun.credentials.Credentials;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.PersonDocument;
import org.yuxun.shared.SaltedDigest;
import org.yuxun.shared.ScopedPrincipal;
import org.yuxun.shared.Text;

/**
 * Issuing and revoking certificates. Every way a certificate comes about — a learner completing a class whose
 * programme promises one, staff issuing one by hand, a whole class at once, an imported list — goes through
 * {@link #issueStored}, which numbers it, audits it and publishes {@link CertificateIssued} in the same
 * transaction. Queries run in the caller's data scope.
 */
@Service
public class CertificateManagement {

    /** Dates on certificates are dates in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CertificateStore store;
    private final Awards awards;
    private final PersonRegistry persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Credentials credentials;
    private final Verdicts verdicts;

    CertificateManagement(CertificateStore store, Awards awards, PersonRegistry persons, AuditLog audit,
                          ApplicationEventPublisher events, Credentials credentials, Verdicts verdicts) {
        this.store = store;
        this.awards = awards;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
        this.credentials = credentials;
        this.verdicts = verdicts;
    }

    /** Staff input for a certificate issued by hand. */
    public record ManualIssue(CertificateKind kind, PersonDocument holder, String holderName, String title,
                              String occupation, Integer skillLevel, BigDecimal hours, LocalDate issuedOn,
                              LocalDate validUntil) {
    }

    /** What an audit entry records of a certificate: masked personal data only. */
    record Snapshot(String number, CertificateKind kind, String holderName, String holderDocumentMasked,
                    String title, String status, String revokedReason) {
        static Snapshot of(CertificateView c) {
            return new Snapshot(c.number(), c.kind(), c.holderName(), c.holderDocumentMasked(), c.title(),
                    c.status(), c.revokedReason());
        }
    }

    @Transactional(readOnly = true)
    public Page<CertificateView> search(String q, CertificateKind kind, String state, Long classId, int page,
                                        int size) {
        return store.search(new Filter(q, kind, state, classId), page, size);
    }

    /** At most {@code limit} certificates matching the search, for the Excel export. */
    @Transactional(readOnly = true)
    public List<CertificateView> export(String q, CertificateKind kind, String state, int limit) {
        return store.all(new Filter(q, kind, state, null), limit);
    }

    /** @throws NotFound when there is no such certificate in the caller's scope */
    @Transactional(readOnly = true)
    public CertificateView get(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("Certificate", id));
    }

    /** @throws NotFound when there is no such certificate in the caller's scope */
    @Transactional(readOnly = true)
    public CertificateView byPublicId(UUID publicId) {
        return store.byPublicId(publicId).orElseThrow(() -> new NotFound("Certificate", publicId));
    }

    /** The signed-in learner's own certificates (row-level security shows a learner only theirs). */
    @Transactional(readOnly = true)
    public List<CertificateView> mine(long personId) {
        return store.mine(personId);
    }

    /** The certificates of a class, in number order. */
    @Transactional(readOnly = true)
    public List<CertificateView> ofClass(long classId) {
        return store.ofClass(classId);
    }

    /**
     * Issues what a completed enrolment earns, by its programme's declaration: a training certificate from the
     * institution that ran the class, or a skill-level certificate from the programme's evaluator. Nothing when
     * the enrolment is not completed or the programme awards nothing; the existing certificate when it already has
     * one (an event delivered twice issues once).
     */
    @Transactional
    public Optional<CertificateView> issueForEnrolment(long enrolmentId) {
        return awards.ofEnrolment(enrolmentId).filter(e -> !"NONE".equals(e.award()))
                .map(e -> issueStored(earned(e, e.award())).certificate());
    }

    /**
     * Issues the certificates of every learner who completed the class, as the programme declares them (a
     * training certificate when it declares none, since staff ask for one). Learners who already have theirs are
     * left as they are.
     *
     * @return how many certificates were new
     */
    @Transactional
    public int issueForClass(long classId, java.util.function.IntConsumer progress) {
        if (awards.className(classId).isEmpty()) {
            throw new NotFound("TrainingClass", classId);
        }
        int created = 0;
        int done = 0;
        List<Earned> learners = awards.ofClass(classId);
        Map<Long, SaltedDigest> digests = DataScope.asSystem(() -> persons.documentDigests(
                learners.stream().map(Earned::personId).toList()));
        for (Earned e : learners) {
            String award = "NONE".equals(e.award()) ? "TRAINING_CERTIFICATE" : e.award();
            created += issueStored(earned(e, award), digests).created() ? 1 : 0;
            progress.accept(++done);
        }
        return created;
    }

    /** How many learners completed the class (the bulk issue's amount of work). */
    @Transactional(readOnly = true)
    public int completedLearners(long classId) {
        return awards.ofClass(classId).size();
    }

    /**
     * Issues a certificate by hand, for a person the caller's institution knows, from the caller's institution.
     *
     * @throws InvalidInput at {@code holderDocument} when the institution knows no such person, at
     *     {@code holderName} when the name differs from the register's (which is not revealed)
     */
    @Transactional
    public CertificateView issue(ManualIssue command, long issuerId) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        if (command.kind() == CertificateKind.SKILL_LEVEL && command.skillLevel() == null) {
            problems.add(new InvalidInput.Violation("skillLevel", "certificate.skillLevel.required",
                    "职业技能等级证书须填写等级", null));
        }
        if (command.validUntil() != null && command.issuedOn() != null
                && command.validUntil().isBefore(command.issuedOn())) {
            problems.add(new InvalidInput.Violation("validUntil", "certificate.validUntil.beforeIssued",
                    "有效期至不能早于发证日期", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        PersonRef holder = persons.findByDocument(command.holder()).orElseThrow(() -> new InvalidInput(
                "holderDocument", "certificate.holder.unknown", "本机构没有该证件号码的人员，请先登记人员"));
        if (!holder.name().equals(Text.normalise(command.holderName()))) {
            throw new InvalidInput("holderName", "certificate.holder.nameMismatch", "姓名与人员登记信息不一致");
        }
        return issueStored(new NewCertificate(command.kind(), issuerId, null, issuerId, holder.id(), null, null,
                null, command.title(), command.occupation(), command.skillLevel(), command.hours(),
                command.issuedOn() == null ? LocalDate.now(ZONE) : command.issuedOn(), command.validUntil(),
                "MANUAL", null)).certificate();
    }

    /**
     * Revokes a certificate with the reason, for everyone to see on its verification page; audited and announced
     * ({@link CertificateRevoked}) in the same transaction.
     *
     * @throws NotFound when the caller's scope does not reach it
     * @throws InvalidInput at {@code reason} when it is empty or too long
     * @throws OptimisticLockingFailureException when it was changed (or revoked) since {@code version}
     */
    @Transactional
    public CertificateView revoke(long id, int version, String reason) {
        String text = reason == null ? "" : Text.normalise(reason);
        if (text.isEmpty()) {
            throw new InvalidInput("reason", "certificate.reason.required", "请填写撤销原因");
        }
        if (text.length() > 500) {
            throw new InvalidInput("reason", "certificate.reason.length", "撤销原因不能超过500个字");
        }
        CertificateView before = get(id);
        if (!store.revoke(id, version, text, currentUserId())) {
            throw new OptimisticLockingFailureException("该记录已被他人修改");
        }
        CertificateView after = get(id);
        if (credentials.jwt(after.publicId()).isPresent()) {
            credentials.revoke(after.publicId());
        }
        verdicts.evict(after.publicId());
        audit.record("REVOKE", "Certificate", id, "撤销证书 " + after.number() + "：" + text, Snapshot.of(before),
                Snapshot.of(after));
        events.publishEvent(new CertificateRevoked(after.id(), after.number(), after.personId(),
                after.revokedOn() == null ? LocalDate.now(ZONE) : after.revokedOn(), text));
        return after;
    }

    /**
     * The one path by which a certificate comes about. A new certificate gets its signed verifiable credential
     * (except one recorded from outside, which this platform did not issue and so cannot vouch for), is audited and
     * announced ({@link CertificateIssued}), all in the caller's transaction; an existing one is returned unchanged.
     */
    public Stored issueStored(NewCertificate certificate) {
        return issueStored(certificate, Map.of());
    }

    /** {@link #issueStored(NewCertificate)} with the holders' digests already read for a whole batch. */
    private Stored issueStored(NewCertificate certificate, Map<Long, SaltedDigest> digests) {
        Stored stored = store.store(certificate);
        if (stored.created()) {
            CertificateView c = stored.certificate();
            if (!"IMPORT".equals(c.source())) {
                SaltedDigest holder = digests.get(c.personId());
                credentials.issue(claim(c, holder != null ? holder : DataScope.asSystem(() -> persons
                        .documentDigests(List.of(c.personId())).get(c.personId()))));
            }
            audit.record("ISSUE", "Certificate", c.id(), "颁发证书 " + c.number() + "（" + c.title() + "）", null,
                    Snapshot.of(c));
            events.publishEvent(new CertificateIssued(c.id(), c.publicId(), c.kind(), c.number(), c.issuerId(),
                    c.personId(), c.enrolmentId(), c.skillLevel(), c.issuedOn()));
        }
        return stored;
    }

    /**
     * What the credential asserts. The holder is named by a salted digest of their identity number, which the people
     * register computes in system scope without the number leaving it (DESIGN.md, "Credential format"), so issuing
     * reveals no number and a class of a thousand writes no thousand reveal entries.
     */
    private AchievementClaim claim(CertificateView c, SaltedDigest holder) {
        if (holder == null) {
            throw new NotFound("Person", c.personId());
        }
        String type = c.kind() == CertificateKind.VOCATIONAL_QUALIFICATION ? "License" : "Certificate";
        String description = "持证人完成" + c.title() + "的学习与考核，成绩合格，由" + c.issuerName() + "颁发。";
        return new AchievementClaim(c.publicId(), c.issuerId(), c.issuerName(), c.holderName(), holder, c.title(),
                description, type, c.number(), c.hours(), c.skillLevel(), c.issuedOn().atStartOfDay(ZONE).toInstant(),
                c.validUntil() == null ? null : c.validUntil().plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    private static NewCertificate earned(Earned e, String award) {
        boolean skill = "SKILL_LEVEL_CERTIFICATE".equals(award) && e.evaluatorId() != null;
        CertificateKind kind = skill ? CertificateKind.SKILL_LEVEL : CertificateKind.TRAINING;
        long issuer = skill ? e.evaluatorId() : e.institutionId();
        String title = skill
                ? (e.occupation() == null ? e.programmeName() : e.occupation()) + "（" + SkillLevel.name(e.awardLevel())
                        + "）"
                : e.programmeName();
        return new NewCertificate(kind, issuer, null, e.institutionId(), e.personId(), e.enrolmentId(),
                e.programmeId(), e.classId(), title, e.occupation(), skill ? e.awardLevel() : null, e.hours(),
                LocalDate.ofInstant(e.completedAt(), ZONE), null, "AUTO", null);
    }

    /** Parses a document number a form or a file gave, as a refusal at the field when it is not valid. */
    public static PersonDocument document(org.yuxun.shared.DocumentType type, String raw, String field) {
        try {
            return PersonDocument.of(type, raw == null ? "" : raw);
        } catch (InvalidValueException e) {
            throw InvalidInput.at(field, e);
        }
    }

    private static Long currentUserId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.dataScope().userId();
        }
        return DataScope.override() == null ? null : DataScope.override().userId();
    }
}
