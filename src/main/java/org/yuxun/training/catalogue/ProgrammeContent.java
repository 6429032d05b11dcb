package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a programme says about itself, as its designers write it: the part the catalogue rules check.
 *
 * @param occupationCode 国家职业分类大典 code, or null when the occupation is written freely
 * @param partnerIds enterprises that co-developed the programme (校企共建)
 * @param attendanceThreshold share of hours a learner must attend to complete, 0–1
 * @param theoryWeight weight of the theory score in the final score, 0–1 (practice weighs the rest)
 */
record ProgrammeContent(
        String name,
        ProgrammeType type,
        FundingMode fundingMode,
        List<PriorityGroup> targetGroups,
        IndustryField industryField,
        String occupationCode,
        String occupationName,
        Integer skillLevel,
        BigDecimal theoryHours,
        BigDecimal practiceHours,
        BigDecimal onlineHours,
        DeliveryMode deliveryMode,
        List<Long> partnerIds,
        List<Module> modules,
        BigDecimal fee,
        CompletionAward completionAward,
        Integer awardLevel,
        Long evaluatorId,
        BigDecimal attendanceThreshold,
        BigDecimal theoryWeight,
        BigDecimal passMark,
        String description) {

    /** One module (模块) of the programme and its hours. */
    record Module(String name, BigDecimal hours) {
    }

    ProgrammeContent {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        partnerIds = partnerIds == null ? List.of() : List.copyOf(partnerIds);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public BigDecimal totalHours() {
        return zero(theoryHours).add(zero(practiceHours)).add(zero(onlineHours));
    }

    static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
