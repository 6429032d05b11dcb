package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yuxun.certification.SkillLevel;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * Whether one learner of a class is subsidised, and with how much (seeds/001 §二(九): "确保符合条件的参训人员应享尽享"
 * — and only they). A line is not eligible when the class is under no policy in force when it started, the learner's
 * identity cannot be verified, they are not in an eligible group, did not complete, attended less than the policy
 * asks, were already subsidised for the same occupation and level in the region, are over the yearly limit, or
 * sat in another class at the same time. Suspicious check-ins do not refuse a line on their own: they are shown to
 * the reviewer, who decides. Every reason is in words on the line.
 */
final class SubsidyEligibility {

    /** Document types whose number identifies a person for a subsidy (GB 11643 and the residence permits). */
    private static final Set<String> VERIFIABLE = Set.of("RESIDENT_ID_CARD", "HK_MACAO_RESIDENCE_PERMIT",
            "TAIWAN_RESIDENCE_PERMIT");

    private SubsidyEligibility() {
    }

    /** What the checks found about one learner, before judging. */
    record Facts(String documentType, String completion, String priorityGroup, BigDecimal attendanceRate,
                 String certificateNumber, Optional<String> previousSubsidy, int subsidiesThisYear,
                 Optional<String> overlap, List<String> checkInFindings) {
    }

    /** The judgement: amounts are zero when not eligible. */
    record Judgement(boolean eligible, BigDecimal amount, BigDecimal livingAllowance, List<String> findings) {
    }

    static Judgement judge(Optional<SubsidyPolicy> policy, String programmeType, Integer skillLevel,
                           LocalDate classStart, Facts f) {
        List<String> refusals = new ArrayList<>();
        if (policy.isEmpty()) {
            refusals.add("本班（开班日 " + classStart + "）不在任何有效补贴政策范围内：项目类型、职业或等级不符合，"
                    + "或开班时没有生效的政策");
            return new Judgement(false, BigDecimal.ZERO, BigDecimal.ZERO, withWarnings(refusals, f));
        }
        SubsidyPolicy p = policy.get();
        if (f.documentType() == null || !VERIFIABLE.contains(f.documentType())) {
            refusals.add("证件号码无法核验：证件类型不是居民身份证或港澳台居民居住证");
        }
        if (!p.priorityGroups().isEmpty() && (f.priorityGroup() == null
                || !p.priorityGroups().contains(f.priorityGroup()))) {
            refusals.add("学员" + (f.priorityGroup() == null ? "未登记重点人群类别"
                    : "属于「" + EnrolmentPriorityGroup.ofStored(f.priorityGroup()).label() + "」")
                    + "，不在本政策补贴的人群（" + labels(p.priorityGroups()) + "）之内");
        }
        if (!"COMPLETED".equals(f.completion())) {
            refusals.add("NOT_COMPLETED".equals(f.completion()) ? "未通过考核，未结业" : "尚未结业");
        }
        if (f.attendanceRate() == null || f.attendanceRate().compareTo(p.minAttendance()) < 0) {
            refusals.add("出勤率 " + percent(f.attendanceRate()) + " 低于政策要求的 " + percent(p.minAttendance()));
        }
        if (p.oncePerOccupation()) {
            f.previousSubsidy().ifPresent(refusals::add);
        }
        if (f.subsidiesThisYear() >= p.yearlyLimit()) {
            refusals.add(classStart.getYear() + " 年已享受 " + f.subsidiesThisYear() + " 次培训补贴，达到本政策每人每年 "
                    + p.yearlyLimit() + " 次的上限");
        }
        f.overlap().ifPresent(refusals::add);
        Optional<SubsidyPolicy.Amount> amount = p.amountFor(skillLevel);
        if (amount.isEmpty()) {
            refusals.add("本政策未规定" + (skillLevel == null ? "无等级项目" : SkillLevel.name(skillLevel)) + "的补贴标准");
        }
        if (!refusals.isEmpty()) {
            return new Judgement(false, BigDecimal.ZERO, BigDecimal.ZERO, withWarnings(refusals, f));
        }
        BigDecimal sum = f.certificateNumber() != null ? amount.get().withCertificate()
                : amount.get().withoutCertificate();
        BigDecimal living = f.priorityGroup() != null && p.livingAllowanceGroups().contains(f.priorityGroup())
                ? p.livingAllowance() : BigDecimal.ZERO;
        return new Judgement(true, sum, living, withWarnings(new ArrayList<>(), f));
    }

    private static List<String> withWarnings(List<String> refusals, Facts f) {
        f.checkInFindings().forEach(w -> refusals.add("签到存疑：" + w));
        return List.copyOf(refusals);
    }

    static String labels(List<String> groups) {
        return String.join("、", groups.stream().map(g -> EnrolmentPriorityGroup.ofStored(g).label()).toList());
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
