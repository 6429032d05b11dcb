package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;
import org.yuxun.subsidy.Payee;
import org.yuxun.training.AttendanceRates;
import org.yuxun.training.ClaimEvidence;
import org.yuxun.training.ClaimEvidence.ClassFacts;

/**
 * Subsidy claims (补贴申领), from generation to payment (seeds/001 §二(九); seeds/002 L1249). The institution
 * generates a claim for a completed class — one line per learner with the evidence and the amount by the policy in
 * force when the class started, ineligible lines with their reasons — and submits it by a deadline; the city HRSS
 * officer approves, rejects (with a reason) or returns each line, completes the review by a deadline, and records
 * the payment, which turns each approved line into exactly one disbursement. Every step is a guarded state change
 * (a second submit, approval or payment changes nothing) and is audited.
 */
@Service
public class SubsidyClaims {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A claim with its figures. */
    public record ClaimView(long id, long classId, long institutionId, String institutionName, String regionCode,
                            String className, String programmeName, String programmeType, String occupationName,
                            Integer skillLevel, LocalDate classStart, LocalDate classEnd, Long policyId,
                            String policyName, Payee payee, String status, LocalDate submitBy, LocalDate reviewBy,
                            Instant submittedAt, Instant reviewedAt, Instant paidAt, int version, int lines,
                            int eligibleLines, int pendingLines, int returnedLines, BigDecimal requested,
                            BigDecimal approved, BigDecimal paid) {

        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }

        /** Whether the deadline that applies now has passed. */
        public boolean overdue(LocalDate today) {
            return editable() ? today.isAfter(submitBy)
                    : "SUBMITTED".equals(status) && reviewBy != null && today.isAfter(reviewBy);
        }
    }

    /** One learner's line. */
    public record LineView(long id, long claimId, long enrolmentId, long personId, String learnerName,
                           String documentMasked, String priorityGroup, String completion, BigDecimal scheduledHours,
                           BigDecimal attendedHours, BigDecimal attendanceRate, int checkIns, BigDecimal finalScore,
                           Boolean passed, String certificateNumber, BigDecimal amount, BigDecimal livingAllowance,
                           boolean eligible, List<String> findings, String status, String reviewReason) {

        public BigDecimal total() {
            return amount.add(livingAllowance);
        }
    }

    /** One payment record. */
    public record Disbursement(long id, long lineId, String payeeKind, String payeeName, BigDecimal amount,
                               LocalDate paidOn, String reference) {
    }

    public enum Decision { APPROVE, REJECT, RETURN }

    /** An earlier subsidy of a learner, as the caller's scope shows it (the HRSS reviewer: the whole region). */
    public record EarlierSubsidy(long personId, long claimId, String institutionName, String className,
                                 int year, String status, BigDecimal amount) {
    }

    private static final String CLAIM = """
            select c.*, p.name as policy_name,
                   (select count(*) from subsidy_claim_line l where l.claim_id = c.id) as line_count,
                   (select count(*) from subsidy_claim_line l where l.claim_id = c.id and l.eligible) as eligible_count,
                   (select count(*) from subsidy_claim_line l where l.claim_id = c.id and l.status = 'PENDING') as pending_count,
                   (select count(*) from subsidy_claim_line l where l.claim_id = c.id and l.status = 'RETURNED') as returned_count,
                   (select coalesce(sum(l.amount + l.living_allowance), 0) from subsidy_claim_line l
                    where l.claim_id = c.id and l.eligible) as requested,
                   (select coalesce(sum(l.amount + l.living_allowance), 0) from subsidy_claim_line l
                    where l.claim_id = c.id and l.status in ('APPROVED', 'PAID')) as approved,
                   (select coalesce(sum(d.amount), 0) from subsidy_disbursement d where d.claim_id = c.id) as paid
            from subsidy_claim c left join subsidy_policy p on p.id = c.policy_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ClaimEvidence evidence;
    private final AttendanceRates rates;
    private final CertificateManagement certificates;
    private final SubsidyPolicies policies;
    private final SubsidyChecks checks;
    private final int submitDays;
    private final int reviewDays;
    private final int ipBurst;
    private final Duration burstWindow;

    private final CityReview cityReview;

    SubsidyClaims(JdbcClient jdbc, AuditLog audit, ClaimEvidence evidence, AttendanceRates rates,
                  CertificateManagement certificates, SubsidyPolicies policies, SubsidyChecks checks,
                  CityReview cityReview,
                  @Value("${yuxun.subsidy.submit-days:90}") int submitDays,
                  @Value("${yuxun.subsidy.review-days:30}") int reviewDays,
                  @Value("${yuxun.subsidy.check-in-burst:5}") int ipBurst,
                  @Value("${yuxun.subsidy.check-in-burst-seconds:10}") int burstSeconds) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.evidence = evidence;
        this.rates = rates;
        this.certificates = certificates;
        this.policies = policies;
        this.checks = checks;
        this.cityReview = cityReview;
        this.submitDays = submitDays;
        this.reviewDays = reviewDays;
        this.ipBurst = ipBurst;
        this.burstWindow = Duration.ofSeconds(burstSeconds);
    }

    /** Completed subsidised classes of the caller's institution that have no claim yet. */
    @Transactional(readOnly = true)
    public List<ClassFacts> classesWithoutClaim() {
        List<Long> claimed = jdbc.sql("select class_id from subsidy_claim").query(Long.class).list();
        return evidence.completedSubsidisedClasses().stream().filter(c -> !claimed.contains(c.classId())).toList();
    }

    /**
     * Generates the claim of a completed class, or generates it again while it is a draft or returned for
     * correction. Generating a returned claim again keeps the lines the reviewer approved exactly as they were —
     * amount, evidence and review — and recomputes only the others (returned, rejected, not eligible), from the
     * current records; learners newly in the class get a line.
     *
     * @return the claim's id
     */
    @Transactional
    public long generate(long classId, long userId) {
        ClassFacts c = evidence.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        if (!"COMPLETED".equals(c.status())) {
            throw new InvalidInput(null, "subsidy.claim.classNotCompleted", "培训班结业后才能申领补贴");
        }
        if (!c.subsidised()) {
            throw new InvalidInput(null, "subsidy.claim.notSubsidised", "该培训项目不是政府补贴性培训，不能申领补贴");
        }
        Optional<SubsidyPolicy> policy = policies.forClass(c.regionCode(), c.programmeType(), c.occupationCode(),
                c.skillLevel(), c.startDate());
        Optional<Map<String, Object>> existing = jdbc.sql("select id, status from subsidy_claim where class_id = ?")
                .param(classId).query().listOfRows().stream().findFirst();
        long claimId;
        if (existing.isPresent()) {
            String status = (String) existing.get().get("status");
            if (!"DRAFT".equals(status) && !"RETURNED".equals(status)) {
                throw new InvalidInput(null, "subsidy.claim.alreadySubmitted", "本班的补贴申领已提交，不能重新生成");
            }
            claimId = ((Number) existing.get().get("id")).longValue();
            jdbc.sql("delete from subsidy_claim_line where claim_id = ? and status <> 'APPROVED'").param(claimId)
                    .update();
            jdbc.sql("""
                            update subsidy_claim set policy_id = ?, payee = ?, generated_at = now(), generated_by = ?,
                                                     version = version + 1
                            where id = ?""")
                    .params(policy.map(SubsidyPolicy::id).orElse(null),
                            policy.map(p -> p.payee().name()).orElse(null), userId, claimId).update();
        } else {
            LocalDate completed = c.completedAt() == null ? c.endDate()
                    : LocalDate.ofInstant(c.completedAt(), ZONE);
            claimId = jdbc.sql("""
                            insert into subsidy_claim (class_id, institution_id, institution_kind, institution_name,
                                                       region_code, class_name, programme_id, programme_name,
                                                       programme_type, occupation_code, occupation_name, skill_level,
                                                       class_start, class_end, policy_id, payee, enterprise_name,
                                                       submit_by, generated_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(classId, c.institutionId(), c.institutionKind(), c.institutionName(), c.regionCode(),
                            c.name(), c.programmeId(), c.programmeName(), c.programmeType(), c.occupationCode(),
                            c.occupationName(), c.skillLevel(), c.startDate(), c.endDate(),
                            policy.map(SubsidyPolicy::id).orElse(null), policy.map(p -> p.payee().name()).orElse(null),
                            c.enterpriseName(), completed.plusDays(submitDays), userId)
                    .query(Long.class).single();
        }
        writeLines(claimId, c, policy);
        ClaimView after = get(claimId);
        audit.record("GENERATE", "SubsidyClaim", claimId, c.name() + "：" + after.lines() + " 人，符合条件 "
                + after.eligibleLines() + " 人，申领 " + after.requested() + " 元", null, after);
        return claimId;
    }

    private void writeLines(long claimId, ClassFacts c, Optional<SubsidyPolicy> policy) {
        Set<Long> kept = new HashSet<>(jdbc.sql("select enrolment_id from subsidy_claim_line where claim_id = ?")
                .param(claimId).query(Long.class).list());
        List<ClaimEvidence.Learner> learners = evidence.learners(c.classId()).stream()
                .filter(l -> !kept.contains(l.enrolmentId())).toList();
        Map<Long, AttendanceRates.Rate> rateOf = rates.ofClass(c.classId());
        Map<Long, String> certificateOf = certificates.ofClass(c.classId()).stream()
                .filter(v -> v.enrolmentId() != null && !v.revoked())
                .collect(Collectors.toMap(CertificateView::enrolmentId, CertificateView::number, (a, b) -> a));
        List<org.yuxun.training.AttendanceRates.CheckInEvidence> checkIns = evidence.checkIns(c.classId());
        Map<Long, Long> checkInCount = checkIns.stream().filter(x -> !x.voided() && "IN".equals(x.direction()))
                .collect(Collectors.groupingBy(AttendanceRates.CheckInEvidence::enrolmentId, Collectors.counting()));
        Map<Long, List<String>> patterns = CheckInPatterns.findings(evidence.sessions(c.classId()), checkIns,
                burstWindow, ipBurst);
        Map<Long, String> overlaps = evidence.overlaps(c.classId());
        List<Long> persons = learners.stream().map(ClaimEvidence.Learner::personId).toList();
        String region = policy.map(SubsidyPolicy::regionPrefix).orElse(c.regionCode().substring(0, 4));
        int year = c.startDate().getYear();
        Map<Long, String> previous = checks.previousSubsidies(persons, c.occupationCode(), c.occupationName(),
                c.skillLevel(), region, claimId, c.institutionId());
        Map<Long, Integer> thisYear = checks.subsidiesInYear(persons, year, region, claimId);
        for (ClaimEvidence.Learner l : learners) {
            AttendanceRates.Rate rate = rateOf.get(l.enrolmentId());
            String certificate = certificateOf.get(l.enrolmentId());
            SubsidyEligibility.Judgement j = SubsidyEligibility.judge(policy, c.programmeType(), c.skillLevel(),
                    c.startDate(), new SubsidyEligibility.Facts(l.documentType(), l.status(), l.priorityGroup(),
                            rate == null ? null : rate.rate(), certificate,
                            Optional.ofNullable(previous.get(l.personId())),
                            thisYear.getOrDefault(l.personId(), 0), Optional.ofNullable(overlaps.get(l.personId())),
                            patterns.getOrDefault(l.enrolmentId(), List.of())));
            jdbc.sql("""
                            insert into subsidy_claim_line (claim_id, institution_id, region_code, enrolment_id,
                                                            person_id, learner_name, document_masked, priority_group,
                                                            occupation_code, skill_level, claim_year, completion,
                                                            scheduled_hours, attended_hours, attendance_rate,
                                                            check_ins, final_score, passed, certificate_no, amount,
                                                            living_allowance, eligible, findings, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?)""")
                    .params(claimId, c.institutionId(), c.regionCode(), l.enrolmentId(), l.personId(), l.name(),
                            l.documentMasked(), l.priorityGroup(), c.occupationCode(),
                            c.skillLevel() == null ? 0 : c.skillLevel(), year, l.status(),
                            rate == null ? null : rate.scheduledHours(), rate == null ? null : rate.attendedHours(),
                            rate == null ? null : rate.rate(), checkInCount.getOrDefault(l.enrolmentId(), 0L).intValue(),
                            l.finalScore(), l.passed(), certificate, j.amount(), j.livingAllowance(), j.eligible(),
                            SubsidyPolicies.array(j.findings()), j.eligible() ? "DRAFT" : "NOT_ELIGIBLE")
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public ClaimView get(long id) {
        return jdbc.sql(CLAIM + " where c.id = ?").param(id).query(this::claim).optional()
                .orElseThrow(() -> new NotFound("SubsidyClaim", id));
    }

    @Transactional(readOnly = true)
    public Optional<ClaimView> ofClass(long classId) {
        return jdbc.sql(CLAIM + " where c.class_id = ?").param(classId).query(this::claim).optional();
    }

    @Transactional(readOnly = true)
    public Page<ClaimView> search(String q, String status, int page, int size) {
        String like = q == null || q.isBlank() ? "%" : "%" + Text.normalise(q) + "%";
        String where = " where (c.class_name like ? or c.institution_name like ? or c.programme_name like ?)"
                + " and (cast(? as text) is null or c.status = ?)";
        long total = jdbc.sql("select count(*) from subsidy_claim c" + where)
                .params(like, like, like, status, status).query(Long.class).single();
        List<ClaimView> rows = jdbc.sql(CLAIM + where + " order by c.generated_at desc, c.id desc limit ? offset ?")
                .params(like, like, like, status, status, size, (long) page * size).query(this::claim).list();
        return new Page<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public List<LineView> lines(long claimId) {
        get(claimId);
        return jdbc.sql("select * from subsidy_claim_line where claim_id = ? order by eligible, id").param(claimId)
                .query(this::line).list();
    }

    /**
     * The earlier subsidised or claimed lines of the claim's learners that the caller may see, by person: the
     * details behind a finding, which the checks themselves never reveal (DESIGN.md: the HRSS reviewer, whose scope
     * covers the region, can open the details).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<EarlierSubsidy>> earlierSubsidies(long claimId) {
        return jdbc.sql("""
                        select l.person_id, c.id, c.institution_name, c.class_name, l.claim_year, l.status,
                               l.amount + l.living_allowance as total
                        from subsidy_claim_line l join subsidy_claim c on c.id = l.claim_id
                        where l.person_id in (select person_id from subsidy_claim_line where claim_id = ?)
                          and l.claim_id <> ? and l.status in ('PENDING', 'APPROVED', 'PAID')
                        order by l.claim_year desc, c.id desc""")
                .params(claimId, claimId)
                .query((rs, n) -> new EarlierSubsidy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getBigDecimal(7)))
                .list().stream().collect(Collectors.groupingBy(EarlierSubsidy::personId));
    }

    @Transactional(readOnly = true)
    public List<Disbursement> disbursements(long claimId) {
        return jdbc.sql("select * from subsidy_disbursement where claim_id = ? order by id").param(claimId)
                .query((rs, n) -> new Disbursement(rs.getLong("id"), rs.getLong("line_id"),
                        rs.getString("payee_kind"), rs.getString("payee_name"), rs.getBigDecimal("amount"),
                        rs.getObject("paid_on", LocalDate.class), rs.getString("reference")))
                .list();
    }

    /**
     * Submits a draft or returned claim to the HRSS authority: every eligible line not yet approved is pending
     * review again, approved lines stay approved. A second submit (or one on a claim someone changed meanwhile)
     * changes nothing.
     *
     * @return whether this call submitted it
     */
    @Transactional
    public boolean submit(long id, int version, long userId, LocalDate today) {
        ClaimView before = get(id);
        if (!before.editable()) {
            return false;
        }
        if (before.eligibleLines() == 0) {
            throw new InvalidInput(null, "subsidy.claim.nothingEligible", "本申领没有符合条件的学员，不能提交");
        }
        int changed = jdbc.sql("""
                        update subsidy_claim set status = 'SUBMITTED', submitted_at = now(), submitted_by = ?,
                                                 review_by = ?, version = version + 1
                        where id = ? and version = ? and status in ('DRAFT', 'RETURNED')""")
                .params(userId, today.plusDays(reviewDays), id, version).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        update subsidy_claim_line set status = 'PENDING', review_reason = null, reviewed_by = null,
                                                      reviewed_at = null
                        where claim_id = ? and eligible and status <> 'APPROVED'""").param(id).update();
        audit.record("SUBMIT", "SubsidyClaim", id, before.className() + "：申领 " + before.requested() + " 元", before,
                get(id));
        return true;
    }

    /**
     * The reviewer's decision on one pending line of a submitted claim; rejecting or returning needs a reason. A
     * line already decided is left as it is.
     *
     * @return whether this call decided it
     */
    @Transactional
    public boolean review(long claimId, long lineId, Decision decision, String reason, long userId,
                          Long authorityId) {
        String why = reason == null ? null : Text.normalise(reason);
        if (decision != Decision.APPROVE && (why == null || why.isEmpty())) {
            throw new InvalidInput("reason", "subsidy.review.reason.required", "驳回或退回修改须填写理由");
        }
        if (why != null && why.length() > 500) {
            throw new InvalidInput("reason", "subsidy.review.reason.tooLong", "理由不能超过 500 字");
        }
        ClaimView claim = get(claimId);
        requireReviewer(claim, authorityId);
        String status = switch (decision) {
            case APPROVE -> "APPROVED";
            case REJECT -> "REJECTED";
            case RETURN -> "RETURNED";
        };
        int changed = jdbc.sql("""
                        update subsidy_claim_line set status = ?, review_reason = ?, reviewed_by = ?, reviewed_at = now()
                        where id = ? and claim_id = ? and status = 'PENDING'
                          and exists (select 1 from subsidy_claim c where c.id = ? and c.status = 'SUBMITTED')""")
                .params(status, decision == Decision.APPROVE ? null : why, userId, lineId, claimId, claimId).update();
        if (changed > 0) {
            audit.record("REVIEW_" + decision.name(), "SubsidyClaimLine", lineId, claim.className()
                    + (why == null ? "" : "：" + why), null, Map.of("claim", claimId, "status", status));
        }
        return changed > 0;
    }

    /** Approves every line still pending of a submitted claim. @return how many */
    @Transactional
    public int approvePending(long claimId, long userId, Long authorityId) {
        ClaimView claim = get(claimId);
        requireReviewer(claim, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_claim_line set status = 'APPROVED', reviewed_by = ?, reviewed_at = now()
                        where claim_id = ? and status = 'PENDING'
                          and exists (select 1 from subsidy_claim c where c.id = ? and c.status = 'SUBMITTED')""")
                .params(userId, claimId, claimId).update();
        if (changed > 0) {
            audit.record("REVIEW_APPROVE", "SubsidyClaim", claimId, claim.className() + "：批准 " + changed + " 人",
                    null, Map.of("approved", changed));
        }
        return changed;
    }

    /**
     * Completes the review once no line is pending: returned for correction when any line was returned, otherwise
     * reviewed and ready for payment. Only one reviewer completes it: the second sees the claim changed.
     *
     * @return whether this call completed it
     */
    @Transactional
    public boolean completeReview(long claimId, int version, long userId, Long authorityId) {
        ClaimView before = get(claimId);
        requireReviewer(before, authorityId);
        if (!"SUBMITTED".equals(before.status())) {
            return false;
        }
        if (before.pendingLines() > 0) {
            throw new InvalidInput(null, "subsidy.review.pending", "还有 {0} 名学员未审核", before.pendingLines());
        }
        String next = before.returnedLines() > 0 ? "RETURNED" : "REVIEWED";
        int changed = jdbc.sql("""
                        update subsidy_claim set status = ?, reviewed_at = now(), reviewed_by = ?, version = version + 1
                        where id = ? and version = ? and status = 'SUBMITTED'""")
                .params(next, userId, claimId, version).update();
        if (changed > 0) {
            audit.record("COMPLETE_REVIEW", "SubsidyClaim", claimId, before.className() + "：" + next, before,
                    get(claimId));
        }
        return changed > 0;
    }

    /**
     * Whether the authority decides on the claim — reviews its lines, completes the review, records its payment:
     * only the HRSS authority of the city the institution lies in ({@link CityReview}). The provincial authority
     * sees the claim and the totals.
     */
    public boolean mayReview(ClaimView claim, Long authorityId) {
        return cityReview.decides(claim.regionCode(), authorityId);
    }

    private void requireReviewer(ClaimView claim, Long authorityId) {
        if (!mayReview(claim, authorityId)) {
            throw new InvalidInput(null, "subsidy.claim.cityOnly",
                    "补贴申领由培训机构所在地的市级人力资源社会保障部门审核和拨付，本部门可以查看，但不能审核或拨付");
        }
    }

    /**
     * Records the payment of a reviewed claim: one disbursement per approved line (payee by the policy, amount,
     * date, reference), the lines paid and the claim paid. A line has at most one disbursement (unique key), so a
     * second payment changes nothing.
     *
     * @return how many lines this call paid
     */
    @Transactional
    public int pay(long claimId, int version, LocalDate paidOn, String reference, long userId, Long authorityId) {
        String ref = reference == null ? "" : Text.normalise(reference);
        if (ref.isEmpty() || ref.length() > 100) {
            throw new InvalidInput("reference", "subsidy.pay.reference.required", "请填写付款凭证号（不超过 100 字）");
        }
        if (paidOn == null) {
            throw new InvalidInput("paidOn", "subsidy.pay.paidOn.required", "请填写付款日期");
        }
        ClaimView before = get(claimId);
        requireReviewer(before, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_claim set status = 'PAID', paid_at = now(), version = version + 1
                        where id = ? and version = ? and status = 'REVIEWED'""")
                .params(claimId, version).update();
        if (changed == 0) {
            return 0;
        }
        int paid = jdbc.sql("""
                        insert into subsidy_disbursement (line_id, claim_id, institution_id, region_code, payee_kind,
                                                          payee_name, amount, paid_on, reference, recorded_by)
                        select l.id, c.id, c.institution_id, c.region_code, coalesce(c.payee, 'INSTITUTION'),
                               case coalesce(c.payee, 'INSTITUTION')
                                   when 'LEARNER' then l.learner_name
                                   when 'ENTERPRISE' then coalesce(c.enterprise_name, c.institution_name)
                                   else c.institution_name end,
                               l.amount + l.living_allowance, ?, ?, ?
                        from subsidy_claim_line l join subsidy_claim c on c.id = l.claim_id
                        where l.claim_id = ? and l.status = 'APPROVED'
                        on conflict (line_id) do nothing""")
                .params(paidOn, ref, userId, claimId).update();
        jdbc.sql("update subsidy_claim_line set status = 'PAID' where claim_id = ? and status = 'APPROVED'")
                .param(claimId).update();
        audit.record("PAY", "SubsidyClaim", claimId, before.className() + "：支付 " + paid + " 笔，凭证 " + ref, before,
                get(claimId));
        return paid;
    }

    private ClaimView claim(ResultSet rs, int n) throws SQLException {
        String payee = rs.getString("payee");
        return new ClaimView(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("region_code"), rs.getString("class_name"),
                rs.getString("programme_name"), rs.getString("programme_type"), rs.getString("occupation_name"),
                (Integer) rs.getObject("skill_level"), rs.getObject("class_start", LocalDate.class),
                rs.getObject("class_end", LocalDate.class), (Long) rs.getObject("policy_id"),
                rs.getString("policy_name"), payee == null ? null : Payee.valueOf(payee), rs.getString("status"),
                rs.getObject("submit_by", LocalDate.class), rs.getObject("review_by", LocalDate.class),
                instant(rs, "submitted_at"), instant(rs, "reviewed_at"), instant(rs, "paid_at"), rs.getInt("version"),
                rs.getInt("line_count"), rs.getInt("eligible_count"), rs.getInt("pending_count"),
                rs.getInt("returned_count"), rs.getBigDecimal("requested"), rs.getBigDecimal("approved"),
                rs.getBigDecimal("paid"));
    }

    private LineView line(ResultSet rs, int n) throws SQLException {
        return new LineView(rs.getLong("id"), rs.getLong("claim_id"), rs.getLong("enrolment_id"),
                rs.getLong("person_id"), rs.getString("learner_name"), rs.getString("document_masked"),
                rs.getString("priority_group"), rs.getString("completion"), rs.getBigDecimal("scheduled_hours"),
                rs.getBigDecimal("attended_hours"), rs.getBigDecimal("attendance_rate"), rs.getInt("check_ins"),
                rs.getBigDecimal("final_score"), (Boolean) rs.getObject("passed"), rs.getString("certificate_no"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("living_allowance"), rs.getBoolean("eligible"),
                SubsidyPolicies.strings(rs.getArray("findings")), rs.getString("status"),
                rs.getString("review_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
