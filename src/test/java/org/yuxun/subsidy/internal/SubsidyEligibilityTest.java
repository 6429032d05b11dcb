package org.yuxun.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yuxun.subsidy.Payee;

class SubsidyEligibilityTest {

    static final LocalDate START = LocalDate.of(2026, 10, 1);

    static SubsidyPolicy policy(List<String> groups) {
        return new SubsidyPolicy(1, UUID.randomUUID(), 1, 1, "3301", "杭州市职业技能培训补贴", List.of("JOB_SKILLS"),
                List.of(), List.of(), groups, new BigDecimal("0.800"), new BigDecimal("300"),
                List.of("RURAL_WOMAN"), 2, true, Payee.INSTITUTION, LocalDate.of(2026, 1, 1), null, "ACTIVE",
                Map.of(5, new SubsidyPolicy.Amount(new BigDecimal("1000"), new BigDecimal("600"))), 0);
    }

    static SubsidyEligibility.Facts facts(String group, String rate, String certificate, String previous,
                                          int thisYear, List<String> checkIns) {
        return new SubsidyEligibility.Facts("RESIDENT_ID_CARD", "COMPLETED", group,
                rate == null ? null : new BigDecimal(rate), certificate, Optional.ofNullable(previous), thisYear,
                Optional.empty(), checkIns);
    }

    @Test
    void paysTheAmountWithCertificateAndTheLivingAllowanceOfTheLearnersGroup() {
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of())), "JOB_SKILLS", 5, START,
                facts("RURAL_WOMAN", "0.9500", "HZ-2026-T-000001", null, 0, List.of()));
        assertThat(j.eligible()).isTrue();
        assertThat(j.amount()).isEqualByComparingTo("1000");
        assertThat(j.livingAllowance()).isEqualByComparingTo("300");
        assertThat(j.findings()).isEmpty();
    }

    @Test
    void paysTheLowerAmountWithoutACertificate() {
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of())), "JOB_SKILLS", 5, START,
                facts(null, "0.9", null, null, 0, List.of()));
        assertThat(j.amount()).isEqualByComparingTo("600");
        assertThat(j.livingAllowance()).isEqualByComparingTo("0");
    }

    @Test
    void refusesALearnerAlreadySubsidisedForTheSameOccupationAndLevelWithTheFindingInWords() {
        String previous = "已于 2025 年在其他机构享受「养老护理员 五级/初级工」培训补贴；同一职业同一等级只补贴一次";
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of())), "JOB_SKILLS", 5, START,
                facts(null, "1", "X-1", previous, 0, List.of()));
        assertThat(j.eligible()).isFalse();
        assertThat(j.amount()).isEqualByComparingTo("0");
        assertThat(j.findings()).containsExactly(previous);
    }

    @Test
    void refusesLowAttendanceOverTheYearlyLimitAndALearnerOutsideTheEligibleGroups() {
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of("VETERAN"))), "JOB_SKILLS", 5, START,
                facts("MIGRANT_WORKER", "0.625", null, null, 2, List.of()));
        assertThat(j.eligible()).isFalse();
        assertThat(j.findings()).containsExactly(
                "学员属于「农民工」，不在本政策补贴的人群（退役军人）之内",
                "出勤率 62.5% 低于政策要求的 80%",
                "2026 年已享受 2 次培训补贴，达到本政策每人每年 2 次的上限");
    }

    @Test
    void refusesEveryLineOfAClassUnderNoPolicy() {
        var j = SubsidyEligibility.judge(Optional.empty(), "JOB_SKILLS", 5, START,
                facts(null, "1", null, null, 0, List.of()));
        assertThat(j.eligible()).isFalse();
        assertThat(j.findings().getFirst()).contains("不在任何有效补贴政策范围内");
    }

    @Test
    void refusesALearnerWhoseDocumentCannotBeVerifiedOrWhoDidNotComplete() {
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of())), "JOB_SKILLS", 5, START,
                new SubsidyEligibility.Facts("PASSPORT", "NOT_COMPLETED", null, new BigDecimal("1"), null,
                        Optional.empty(), 0, Optional.of("本班课次与另一培训班课次时间重叠"), List.of()));
        assertThat(j.eligible()).isFalse();
        assertThat(j.findings()).containsExactly("证件号码无法核验：证件类型不是居民身份证或港澳台居民居住证",
                "未通过考核，未结业", "本班课次与另一培训班课次时间重叠");
    }

    @Test
    void suspiciousCheckInsAreShownButDoNotRefuseTheLine() {
        var j = SubsidyEligibility.judge(Optional.of(policy(List.of())), "JOB_SKILLS", 5, START,
                facts(null, "1", null, null, 0, List.of("与其他 1 名学员使用同一设备签到（2026-10-02 课次）")));
        assertThat(j.eligible()).isTrue();
        assertThat(j.findings()).containsExactly("签到存疑：与其他 1 名学员使用同一设备签到（2026-10-02 课次）");
    }
}
