package org.yuxun.subsidy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.audit.AuditLog;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.training.ClaimEvidence;
import org.yuxun.training.ClaimEvidence.ClassFacts;

/**
 * The enterprise apprenticeship subsidy (企业新型学徒制; seeds/002 L1244–1250, DESIGN.md "Apprenticeships before
 * the cooperation module exists"). An apprenticeship is a class of a 企业新型学徒制 programme commissioned by an
 * enterprise, one to two years long and at most three (L1245), whose enrolments are the apprentices, each with a
 * labour contract of at least one year covering the training period. The enterprise files it (备案) with the city
 * HRSS authority over its region — training plan, roster, contract copies —; the officer approves it into the
 * apprenticeship plan, which records the advance (a share of the amount per apprentice per year, L1249: "按规定给予
 * 企业职业培训补贴 … 预支 … 按规定拨付"), or returns it with a reason. After completion the enterprise applies for the
 * balance with certificate numbers and an invoice reference; on approval the balance — the amount for each
 * apprentice's actual training period, never beyond the filed one, minus the advance — is recorded. Both payments
 * are disbursements paying the enterprise, at most one of each kind per filing (unique key); every step is a
 * guarded state change and audited, so a repeated request changes nothing.
 */
@Service
public class SubsidyApprenticeships {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /**
     * A filing with its figures: {@code paid} is what was paid to the enterprise (advance and balance),
     * {@code reclaimed} what it must return after settlement.
     */
    public record FilingView(long id, long classId, long enterpriseId, String enterpriseName, String regionCode,
                             String institutionName, String className, String programmeName, String occupationName,
                             LocalDate periodStart, LocalDate periodEnd, int months, BigDecimal amountPerYear,
                             BigDecimal advanceShare, String planFileName, String status, String reviewReason,
                             String invoiceReference, Instant filedAt, Instant approvedAt, Instant settledAt,
                             int version, int apprentices, BigDecimal advance, BigDecimal balance,
                             BigDecimal paid, BigDecimal reclaimed, LocalDate returnedOn,
                             String returnedReference) {

        public boolean refilable() {
            return "RETURNED".equals(status);
        }

        public boolean balanceOpen() {
            return "APPROVED".equals(status) || "BALANCE_RETURNED".equals(status);
        }

        /** What the enterprise must pay back when the advance exceeded what the actual training earned. */
        public BigDecimal owed() {
            return balance != null && balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
        }

        public boolean reclaims() {
            return owed().signum() > 0;
        }

        /** Settled with a reclaim the enterprise has not yet been recorded as having paid back. */
        public boolean reclaimOpen() {
            return "SETTLED".equals(status) && reclaims() && returnedOn == null;
        }

        public BigDecimal years() {
            return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        }
    }

    /** One apprentice of a filing. */
    public record ApprenticeView(long id, long enrolmentId, String learnerName, String documentMasked,
                                 LocalDate contractStart, LocalDate contractEnd, String contractFileName,
                                 BigDecimal advance, String completion, String certificateNumber,
                                 Integer actualMonths, BigDecimal balance) {
    }

    /** A class the enterprise may file, with its apprentices. */
    public record Candidate(ClassFacts facts, List<ClaimEvidence.Learner> learners, Map<Long, String> certificates) {
    }

    /** What the enterprise enters for one apprentice. */
    public record ApprenticeInput(LocalDate contractStart, LocalDate contractEnd, MultipartFile contract) {
    }

    /** One payment record. */
    public record Payment(String kind, String payeeName, BigDecimal amount, LocalDate paidOn, String reference) {
    }

    /** A stored file ready to send. */
    public record StoredFile(String fileName, String contentType, Path path) {
    }

    private static final String FILING = """
            select a.*,
                   (select count(*) from subsidy_apprentice p where p.apprenticeship_id = a.id) as apprentice_count,
                   (select coalesce(sum(p.advance), 0) from subsidy_apprentice p where p.apprenticeship_id = a.id)
                       as advance_total,
                   (select sum(p.balance) from subsidy_apprentice p where p.apprenticeship_id = a.id) as balance_total,
                   (select coalesce(sum(d.amount), 0) from subsidy_disbursement d
                    where d.apprenticeship_id = a.id and d.kind <> 'APPRENTICESHIP_RECLAIM') as paid,
                   (select coalesce(sum(d.amount), 0) from subsidy_disbursement d
                    where d.apprenticeship_id = a.id and d.kind = 'APPRENTICESHIP_RECLAIM') as reclaimed,
                   (select d.returned_on from subsidy_disbursement d
                    where d.apprenticeship_id = a.id and d.kind = 'APPRENTICESHIP_RECLAIM') as returned_on,
                   (select d.returned_reference from subsidy_disbursement d
                    where d.apprenticeship_id = a.id and d.kind = 'APPRENTICESHIP_RECLAIM') as returned_reference
            from subsidy_apprenticeship a""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ClaimEvidence evidence;
    private final CertificateManagement certificates;
    private final CityReview cityReview;
    private final Path directory;
    private final BigDecimal amountPerYear;
    private final BigDecimal advanceShare;

    SubsidyApprenticeships(JdbcClient jdbc, AuditLog audit, ClaimEvidence evidence,
                           CertificateManagement certificates, CityReview cityReview,
                           YuxunProperties properties,
                           @Value("${yuxun.subsidy.apprentice-per-year:5000}") BigDecimal amountPerYear,
                           @Value("${yuxun.subsidy.apprentice-advance-share:0.5}") BigDecimal advanceShare) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.evidence = evidence;
        this.certificates = certificates;
        this.cityReview = cityReview;
        this.directory = properties.dataDir().resolve("files");
        this.amountPerYear = amountPerYear;
        this.advanceShare = advanceShare;
    }

    public BigDecimal amountPerYear() {
        return amountPerYear;
    }

    public BigDecimal advanceShare() {
        return advanceShare;
    }

    /** The class to file for the caller's enterprise, with its current enrolments. */
    @Transactional(readOnly = true)
    public Candidate candidate(long classId, long enterpriseId) {
        ClassFacts c = classOf(classId, enterpriseId);
        return new Candidate(c, evidence.learners(classId), certificateNumbers(classId));
    }

    /** The enterprise's commissioned apprenticeship classes without a filing yet. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> classesToFile(long enterpriseId) {
        return jdbc.sql("""
                        select c.id, c.name, c.start_date, c.end_date
                        from training_class c join programme p on p.id = c.programme_id
                        where c.enterprise_id = ? and p.type = 'ENTERPRISE_APPRENTICESHIP' and c.status <> 'CANCELLED'
                          and not exists (select 1 from subsidy_apprenticeship a where a.class_id = c.id)
                        order by c.start_date desc limit 100""")
                .param(enterpriseId).query().listOfRows();
    }

    /**
     * Files (or files again, once returned) the apprenticeship of a class: checks everything first, then stores
     * the files and writes the filing, so a refused filing leaves nothing behind.
     *
     * @return the filing's id
     */
    @Transactional
    public long file(long classId, long enterpriseId, MultipartFile plan, Map<Long, ApprenticeInput> inputs,
                     long userId) {
        ClassFacts c = classOf(classId, enterpriseId);
        if (!"ENTERPRISE_APPRENTICESHIP".equals(c.programmeType())) {
            throw new InvalidInput("classId", "subsidy.apprenticeship.notApprenticeship",
                    "该培训班不属于企业新型学徒制项目");
        }
        Optional<Map<String, Object>> existing = jdbc.sql(
                        "select id, status, version from subsidy_apprenticeship where class_id = ?")
                .param(classId).query().listOfRows().stream().findFirst();
        if (existing.isPresent() && !"RETURNED".equals(existing.get().get("status"))) {
            throw new InvalidInput(null, "subsidy.apprenticeship.alreadyFiled", "该培训班已备案，不能重复提交");
        }
        int months = months(c.startDate(), c.endDate());
        if (months < 12 || months > 36) {
            throw new InvalidInput("classId", "subsidy.apprenticeship.duration",
                    "学徒培训期限应为 1 至 3 年（本班 {0} 至 {1}）", c.startDate(), c.endDate());
        }
        List<ClaimEvidence.Learner> learners = evidence.learners(classId);
        if (learners.isEmpty()) {
            throw new InvalidInput(null, "subsidy.apprenticeship.noApprentices", "该培训班没有在册学徒");
        }
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String planType = null;
        try {
            planType = fileType(plan, "plan");
        } catch (InvalidInput e) {
            problems.addAll(e.violations());
        }
        Map<Long, String> contractTypes = new LinkedHashMap<>();
        for (ClaimEvidence.Learner l : learners) {
            ApprenticeInput in = inputs.get(l.enrolmentId());
            String field = "contract_" + l.enrolmentId();
            if (in == null || in.contractStart() == null || in.contractEnd() == null) {
                problems.add(new InvalidInput.Violation(field, "subsidy.apprenticeship.contract.dates",
                        "{0}：请填写劳动合同起止日期", new Object[] {l.name()}));
                continue;
            }
            if (!in.contractEnd().isAfter(in.contractStart())
                    || in.contractEnd().isBefore(in.contractStart().plusYears(1).minusDays(1))) {
                problems.add(new InvalidInput.Violation(field, "subsidy.apprenticeship.contract.short",
                        "{0}：劳动合同期限应在 1 年以上", new Object[] {l.name()}));
            } else if (in.contractStart().isAfter(c.startDate()) || in.contractEnd().isBefore(c.endDate())) {
                problems.add(new InvalidInput.Violation(field, "subsidy.apprenticeship.contract.cover",
                        "{0}：劳动合同须覆盖学徒培训期（{1} 至 {2}）",
                        new Object[] {l.name(), c.startDate(), c.endDate()}));
            }
            try {
                contractTypes.put(l.enrolmentId(), fileType(in.contract(), field));
            } catch (InvalidInput e) {
                problems.add(new InvalidInput.Violation(field, "subsidy.apprenticeship.contract.file",
                        "{0}：请上传劳动合同复印件（PDF、图片或 Word，不超过 20 MB）", new Object[] {l.name()}));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Map<String, Object> enterprise = jdbc.sql("select name, region_code from enterprise where id = ?")
                .param(enterpriseId).query().singleRow();
        String planKey = store(plan);
        long id;
        if (existing.isPresent()) {
            id = ((Number) existing.get().get("id")).longValue();
            int changed = jdbc.sql("""
                            update subsidy_apprenticeship
                            set status = 'FILED', review_reason = null, plan_file_name = ?, plan_content_type = ?,
                                plan_storage_key = ?, months = ?, period_start = ?, period_end = ?,
                                amount_per_year = ?, advance_share = ?, filed_at = now(), filed_by = ?,
                                version = version + 1
                            where id = ? and status = 'RETURNED'""")
                    .params(fileName(plan), planType, planKey, months, c.startDate(), c.endDate(), amountPerYear,
                            advanceShare, userId, id).update();
            if (changed == 0) {
                throw new InvalidInput(null, "subsidy.apprenticeship.alreadyFiled", "该培训班已备案，不能重复提交");
            }
            jdbc.sql("delete from subsidy_apprentice where apprenticeship_id = ?").param(id).update();
        } else {
            id = jdbc.sql("""
                            insert into subsidy_apprenticeship (class_id, enterprise_id, enterprise_name, region_code,
                                                                institution_id, institution_name, class_name,
                                                                programme_name, occupation_name, period_start,
                                                                period_end, months, amount_per_year, advance_share,
                                                                plan_file_name, plan_content_type, plan_storage_key,
                                                                filed_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (class_id) do nothing returning id""")
                    .params(classId, enterpriseId, enterprise.get("name"), enterprise.get("region_code"),
                            c.institutionId(), c.institutionName(), c.name(), c.programmeName(), c.occupationName(),
                            c.startDate(), c.endDate(), months, amountPerYear, advanceShare, fileName(plan),
                            planType, planKey, userId)
                    .query(Long.class).optional()
                    .orElseThrow(() -> new InvalidInput(null, "subsidy.apprenticeship.alreadyFiled",
                            "该培训班已备案，不能重复提交"));
        }
        BigDecimal advance = advancePerApprentice(months);
        for (ClaimEvidence.Learner l : learners) {
            ApprenticeInput in = inputs.get(l.enrolmentId());
            jdbc.sql("""
                            insert into subsidy_apprentice (apprenticeship_id, enterprise_id, region_code,
                                                            enrolment_id, person_id, learner_name, document_masked,
                                                            contract_start, contract_end, contract_file_name,
                                                            contract_content_type, contract_storage_key, advance)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, enterpriseId, enterprise.get("region_code"), l.enrolmentId(), l.personId(),
                            l.name(), l.documentMasked(), in.contractStart(), in.contractEnd(),
                            fileName(in.contract()), contractTypes.get(l.enrolmentId()), store(in.contract()),
                            advance)
                    .update();
        }
        FilingView after = get(id);
        audit.record(existing.isPresent() ? "REFILE" : "FILE", "SubsidyApprenticeship", id, c.name() + "："
                + learners.size() + " 名学徒，" + months + " 个月", null, after);
        return id;
    }

    /**
     * Approves a filing into the apprenticeship plan and records the advance (amount per apprentice per year ×
     * filed years × advance share, seeds/002 L1249) as one disbursement paying the enterprise.
     *
     * @return whether this call approved it
     */
    @Transactional
    public boolean approve(long id, int version, long userId, Long authorityId, LocalDate today) {
        FilingView before = get(id);
        requireReviewer(before, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_apprenticeship set status = 'APPROVED', approved_at = now(), approved_by = ?,
                                                          review_reason = null, version = version + 1
                        where id = ? and version = ? and status = 'FILED'""")
                .params(userId, id, version).update();
        if (changed == 0) {
            return false;
        }
        pay(id, "APPROVED", "APPRENTICESHIP_ADVANCE", before.advance(), today, "XTZ-" + id + "-YF", userId);
        audit.record("APPROVE", "SubsidyApprenticeship", id, before.className() + "：纳入学徒培训计划，预拨 "
                + before.advance() + " 元", before, get(id));
        return true;
    }

    /** Returns a filed filing, or a balance application, to the enterprise with a reason. */
    @Transactional
    public boolean sendBack(long id, int version, String reason, long userId, Long authorityId) {
        String why = reason == null ? "" : Text.normalise(reason);
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "subsidy.review.reason.required", "驳回或退回修改须填写理由");
        }
        if (why.length() > 500) {
            throw new InvalidInput("reason", "subsidy.review.reason.tooLong", "理由不能超过 500 字");
        }
        FilingView before = get(id);
        requireReviewer(before, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_apprenticeship
                        set status = case status when 'FILED' then 'RETURNED' else 'BALANCE_RETURNED' end,
                            review_reason = ?, version = version + 1
                        where id = ? and version = ? and status in ('FILED', 'BALANCE_REQUESTED')""")
                .params(why, id, version).update();
        if (changed > 0) {
            audit.record("RETURN", "SubsidyApprenticeship", id, before.className() + "：" + why, before, get(id));
        }
        return changed > 0;
    }

    /**
     * The enterprise applies for the balance after the class completed, with each apprentice's certificate number
     * and the invoice reference. An apprentice who completed with a certificate number has earned the amount for
     * the actual training period — from the filed start to the class's completion, never beyond the filed end
     * (seeds/002 L1249 "补贴期限按照实际培训期限（不超过备案期限）计算") —; one who did not has earned nothing, since
     * the rest is paid "按照符合补贴申领条件的人员数量" (L1249). An apprentice's balance is what they earned minus
     * their advance: negative when the advance was more, so the filing's balance — the sum — is either paid to the
     * enterprise or, when negative, reclaimed from it (应退回).
     *
     * @return whether this call applied
     */
    @Transactional
    public boolean requestBalance(long id, int version, Map<Long, String> certificateNumbers, String invoice,
                                  long userId) {
        FilingView before = get(id);
        if (!before.balanceOpen()) {
            return false;
        }
        String ref = invoice == null ? "" : Text.normalise(invoice);
        if (ref.isEmpty() || ref.length() > 100) {
            throw new InvalidInput("invoice", "subsidy.apprenticeship.invoice.required", "请填写发票号码（不超过 100 字）");
        }
        ClassFacts c = classOf(before.classId(), before.enterpriseId());
        if (!"COMPLETED".equals(c.status())) {
            throw new InvalidInput(null, "subsidy.apprenticeship.notCompleted", "学徒培训结业后才能申请拨付余款");
        }
        LocalDate completed = c.completedAt() == null ? c.endDate()
                : LocalDate.ofInstant(c.completedAt(), SubsidyClaims.ZONE);
        LocalDate actualEnd = completed.isAfter(before.periodEnd()) ? before.periodEnd() : completed;
        int actualMonths = Math.max(0, Math.min(before.months(), months(before.periodStart(), actualEnd)));
        Map<Long, String> status = evidence.learners(before.classId()).stream()
                .collect(Collectors.toMap(ClaimEvidence.Learner::enrolmentId, ClaimEvidence.Learner::status));
        List<InvalidInput.Violation> problems = new ArrayList<>();
        List<ApprenticeView> apprentices = apprentices(id);
        for (ApprenticeView a : apprentices) {
            String number = certificateNumbers.get(a.enrolmentId());
            number = number == null ? "" : Text.normalise(number);
            if (number.length() > 60) {
                problems.add(new InvalidInput.Violation("certificate_" + a.enrolmentId(),
                        "subsidy.apprenticeship.certificate.tooLong", "{0}：证书编号不能超过 60 字",
                        new Object[] {a.learnerName()}));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                        update subsidy_apprenticeship set status = 'BALANCE_REQUESTED', invoice_reference = ?,
                                                          review_reason = null, balance_requested_at = now(),
                                                          version = version + 1
                        where id = ? and version = ? and status in ('APPROVED', 'BALANCE_RETURNED')""")
                .params(ref, id, version).update();
        if (changed == 0) {
            return false;
        }
        for (ApprenticeView a : apprentices) {
            String number = Optional.ofNullable(certificateNumbers.get(a.enrolmentId())).map(Text::normalise)
                    .filter(s -> !s.isEmpty()).orElse(null);
            String completion = status.getOrDefault(a.enrolmentId(), "WITHDRAWN");
            boolean qualifies = "COMPLETED".equals(completion) && number != null;
            BigDecimal earned = qualifies ? perYearFor(actualMonths) : BigDecimal.ZERO;
            BigDecimal balance = earned.subtract(a.advance());
            jdbc.sql("""
                            update subsidy_apprentice set certificate_no = ?, completion = ?, actual_months = ?,
                                                          balance = ?
                            where id = ?""")
                    .params(number, completion, qualifies ? actualMonths : 0, balance.setScale(2, RoundingMode.HALF_UP),
                            a.id()).update();
        }
        audit.record("REQUEST_BALANCE", "SubsidyApprenticeship", id, before.className() + "：发票 " + ref, before,
                get(id));
        return true;
    }

    /**
     * Approves the balance application and settles the filing: a positive balance is recorded as one disbursement
     * to the enterprise, a negative one (the advance exceeded what the actual training earned) as one reclaim of
     * that amount from the enterprise (应退回).
     */
    @Transactional
    public boolean approveBalance(long id, int version, long userId, Long authorityId, LocalDate today) {
        FilingView before = get(id);
        requireReviewer(before, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_apprenticeship set status = 'SETTLED', settled_at = now(), settled_by = ?,
                                                          version = version + 1
                        where id = ? and version = ? and status = 'BALANCE_REQUESTED'""")
                .params(userId, id, version).update();
        if (changed == 0) {
            return false;
        }
        if (before.reclaims()) {
            pay(id, "SETTLED", "APPRENTICESHIP_RECLAIM", before.owed(), today, "XTZ-" + id + "-TH", userId);
            audit.record("APPROVE_BALANCE", "SubsidyApprenticeship", id, before.className() + "：预拨超出实际培训应得，"
                    + "企业应退回 " + before.owed() + " 元", before, get(id));
        } else {
            pay(id, "SETTLED", "APPRENTICESHIP_BALANCE", before.balance(), today, "XTZ-" + id + "-WK", userId);
            audit.record("APPROVE_BALANCE", "SubsidyApprenticeship", id, before.className() + "：拨付余款 "
                    + before.balance() + " 元", before, get(id));
        }
        return true;
    }

    /**
     * Records that the enterprise paid back the over-advance of a settled filing: the date and the receipt's
     * reference, once, by the city HRSS authority that settled it; audited.
     *
     * @return whether this call recorded it (a second call changes nothing)
     */
    @Transactional
    public boolean recordReturn(long id, LocalDate returnedOn, String reference, long userId, Long authorityId,
                                LocalDate today) {
        String ref = reference == null ? "" : Text.normalise(reference);
        List<InvalidInput.Violation> problems = new ArrayList<>();
        if (returnedOn == null) {
            problems.add(new InvalidInput.Violation("returnedOn", "subsidy.apprenticeship.returned.date.required",
                    "请填写退回日期", new Object[0]));
        } else if (returnedOn.isAfter(today)) {
            problems.add(new InvalidInput.Violation("returnedOn", "subsidy.apprenticeship.returned.date.future",
                    "退回日期不能晚于今天", new Object[0]));
        }
        if (ref.isEmpty() || ref.length() > 100) {
            problems.add(new InvalidInput.Violation("reference", "subsidy.apprenticeship.returned.reference.required",
                    "请填写退回凭证号（不超过 100 字）", new Object[0]));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        FilingView before = get(id);
        requireReviewer(before, authorityId);
        int changed = jdbc.sql("""
                        update subsidy_disbursement set returned_on = ?, returned_reference = ?, returned_by = ?
                        where apprenticeship_id = ? and kind = 'APPRENTICESHIP_RECLAIM' and returned_on is null""")
                .params(returnedOn, ref, userId, id).update();
        if (changed > 0) {
            audit.record("RECORD_RETURN", "SubsidyApprenticeship", id, before.className() + "：企业已退回 "
                    + before.owed() + " 元（" + ref + "）", before, get(id));
        }
        return changed > 0;
    }

    /**
     * Whether the authority may decide on the filing: only the HRSS authority of the city the enterprise lies in
     * ({@link CityReview}); a provincial officer whose remit covers the enterprise may view the filing but not
     * decide on it.
     */
    public boolean mayReview(FilingView filing, Long authorityId) {
        return cityReview.decides(filing.regionCode(), authorityId);
    }

    private void requireReviewer(FilingView filing, Long authorityId) {
        if (!mayReview(filing, authorityId)) {
            throw new InvalidInput(null, "subsidy.apprenticeship.cityOnly",
                    "学徒制备案由企业所在地的市级人力资源社会保障部门审核，本部门可以查看，但不能批准或退回");
        }
    }

    private void pay(long id, String status, String kind, BigDecimal amount, LocalDate today, String reference,
                     long userId) {
        jdbc.sql("""
                        insert into subsidy_disbursement (apprenticeship_id, enterprise_id, kind, institution_id,
                                                          region_code, payee_kind, payee_name, amount, paid_on,
                                                          reference, recorded_by)
                        select a.id, a.enterprise_id, ?, a.institution_id, a.region_code, 'ENTERPRISE',
                               a.enterprise_name, ?, ?, ?, ?
                        from subsidy_apprenticeship a where a.id = ? and a.status = ?
                        on conflict (apprenticeship_id, kind) do nothing""")
                .params(kind, amount == null ? BigDecimal.ZERO : amount, today, reference, userId, id, status)
                .update();
    }

    @Transactional(readOnly = true)
    public FilingView get(long id) {
        return jdbc.sql(FILING + " where a.id = ?").param(id).query(this::filing).optional()
                .orElseThrow(() -> new NotFound("SubsidyApprenticeship", id));
    }

    @Transactional(readOnly = true)
    public Page<FilingView> search(String q, String status, int page, int size) {
        String like = q == null || q.isBlank() ? "%" : "%" + Text.normalise(q) + "%";
        String where = " where (a.class_name like ? or a.enterprise_name like ? or a.programme_name like ?)"
                + " and (cast(? as text) is null or a.status = ?)";
        long total = jdbc.sql("select count(*) from subsidy_apprenticeship a" + where)
                .params(like, like, like, status, status).query(Long.class).single();
        List<FilingView> rows = jdbc.sql(FILING + where + " order by a.filed_at desc, a.id desc limit ? offset ?")
                .params(like, like, like, status, status, size, (long) page * size).query(this::filing).list();
        return new Page<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public List<ApprenticeView> apprentices(long id) {
        return jdbc.sql("select * from subsidy_apprentice where apprenticeship_id = ? order by id").param(id)
                .query((rs, n) -> new ApprenticeView(rs.getLong("id"), rs.getLong("enrolment_id"),
                        rs.getString("learner_name"), rs.getString("document_masked"),
                        rs.getObject("contract_start", LocalDate.class), rs.getObject("contract_end", LocalDate.class),
                        rs.getString("contract_file_name"), rs.getBigDecimal("advance"), rs.getString("completion"),
                        rs.getString("certificate_no"), (Integer) rs.getObject("actual_months"),
                        rs.getBigDecimal("balance")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(long id) {
        return jdbc.sql("select * from subsidy_disbursement where apprenticeship_id = ? order by id").param(id)
                .query((rs, n) -> new Payment(rs.getString("kind"), rs.getString("payee_name"),
                        rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("reference")))
                .list();
    }

    /** Certificate numbers of the class's enrolments the caller can see, to fill in the balance form. */
    @Transactional(readOnly = true)
    public Map<Long, String> certificateNumbers(long classId) {
        return certificates.ofClass(classId).stream().filter(v -> v.enrolmentId() != null && !v.revoked())
                .collect(Collectors.toMap(CertificateView::enrolmentId, CertificateView::number, (a, b) -> a));
    }

    @Transactional(readOnly = true)
    public StoredFile plan(long id) {
        return jdbc.sql("select plan_file_name, plan_content_type, plan_storage_key from subsidy_apprenticeship"
                        + " where id = ?").param(id)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), directory.resolve(rs.getString(3))))
                .optional().filter(f -> Files.isReadable(f.path()))
                .orElseThrow(() -> new NotFound("SubsidyApprenticeship", id));
    }

    @Transactional(readOnly = true)
    public StoredFile contract(long id, long apprenticeId) {
        return jdbc.sql("""
                        select contract_file_name, contract_content_type, contract_storage_key
                        from subsidy_apprentice where id = ? and apprenticeship_id = ?""").params(apprenticeId, id)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), directory.resolve(rs.getString(3))))
                .optional().filter(f -> Files.isReadable(f.path()))
                .orElseThrow(() -> new NotFound("SubsidyApprentice", apprenticeId));
    }

    /** The advance of one apprentice for a filed period. */
    BigDecimal advancePerApprentice(int months) {
        return perYearFor(months).multiply(advanceShare).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal perYearFor(int months) {
        return amountPerYear.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), 2,
                RoundingMode.HALF_UP);
    }

    /** Whole months from the first day to the last day inclusive (a year from 1 March ends on 28/29 February). */
    static int months(LocalDate start, LocalDate lastDay) {
        return (int) ChronoUnit.MONTHS.between(start, lastDay.plusDays(1));
    }

    private ClassFacts classOf(long classId, long enterpriseId) {
        Optional<Long> commissioner = jdbc.sql("select enterprise_id from training_class where id = ?").param(classId)
                .query((rs, n) -> (Long) rs.getObject(1)).optional();
        if (commissioner.isEmpty() || !Long.valueOf(enterpriseId).equals(commissioner.get())) {
            throw new InvalidInput("classId", "subsidy.apprenticeship.notCommissioned",
                    "该培训班不是本企业委托的培训班");
        }
        // The caller's scope has just shown the class commissioned by their enterprise; its facts name the running
        // institution, which an enterprise's scope does not read, so they are read in system scope.
        return DataScope.asSystem(() -> evidence.classFacts(classId))
                .orElseThrow(() -> new NotFound("TrainingClass", classId));
    }

    private static String fileType(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(field, "subsidy.apprenticeship.file.required", "请上传文件（培训计划或劳动合同）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInput(field, "subsidy.apprenticeship.file.tooLarge", "文件不能超过 20 MB");
        }
        String name = fileName(file);
        int dot = name.lastIndexOf('.');
        String type = TYPES.get(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new InvalidInput(field, "subsidy.apprenticeship.file.type", "只能上传 PDF、图片或 Word 文件");
        }
        return type;
    }

    private static String fileName(MultipartFile file) {
        String name = Path.of(String.valueOf(file.getOriginalFilename())).getFileName().toString();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private String store(MultipartFile file) {
        String key = UUID.randomUUID().toString();
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve(key), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private FilingView filing(ResultSet rs, int n) throws SQLException {
        return new FilingView(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("institution_name"),
                rs.getString("class_name"), rs.getString("programme_name"), rs.getString("occupation_name"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getInt("months"), rs.getBigDecimal("amount_per_year"), rs.getBigDecimal("advance_share"),
                rs.getString("plan_file_name"), rs.getString("status"), rs.getString("review_reason"),
                rs.getString("invoice_reference"), instant(rs, "filed_at"), instant(rs, "approved_at"),
                instant(rs, "settled_at"), rs.getInt("version"), rs.getInt("apprentice_count"),
                rs.getBigDecimal("advance_total"), rs.getBigDecimal("balance_total"), rs.getBigDecimal("paid"),
                rs.getBigDecimal("reclaimed"), rs.getObject("returned_on", LocalDate.class),
                rs.getString("returned_reference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
