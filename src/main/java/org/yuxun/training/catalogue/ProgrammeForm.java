package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the programme form posts; percentages are entered as whole numbers (80 for 80 %). */
record ProgrammeForm(
        @NotBlank @Size(max = 100) String name,
        @NotNull ProgrammeType type,
        @NotNull FundingMode fundingMode,
        List<PriorityGroup> targetGroups,
        @NotNull IndustryField industryField,
        @Size(max = 20) String occupationCode,
        @Size(max = 50) String occupationName,
        @Min(1) @Max(5) Integer skillLevel,
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 1) BigDecimal theoryHours,
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 1) BigDecimal practiceHours,
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 1) BigDecimal onlineHours,
        @NotNull DeliveryMode deliveryMode,
        List<Long> partnerIds,
        @Valid List<ModuleRow> modules,
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal fee,
        @NotNull CompletionAward completionAward,
        @Min(1) @Max(5) Integer awardLevel,
        Long evaluatorId,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal attendancePercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal theoryWeightPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal passMark,
        @Size(max = 4000) String description,
        Integer version) {

    /** One dynamic module row. */
    record ModuleRow(@Size(max = 100) String name, @DecimalMin("0") @Digits(integer = 5, fraction = 1) BigDecimal hours) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ProgrammeForm empty() {
        return new ProgrammeForm("", null, null, List.of(), null, "", "", null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, List.of(), List.of(new ModuleRow("", null)), BigDecimal.ZERO,
                CompletionAward.NONE, null, null, BigDecimal.valueOf(80), BigDecimal.valueOf(50), BigDecimal.valueOf(60),
                "", null);
    }

    static ProgrammeForm of(ProgrammeCatalogue.ProgrammeView view) {
        ProgrammeContent c = view.content();
        List<ModuleRow> rows = new ArrayList<>();
        c.modules().forEach(m -> rows.add(new ModuleRow(m.name(), m.hours())));
        return new ProgrammeForm(c.name(), c.type(), c.fundingMode(), c.targetGroups(), c.industryField(),
                c.occupationCode(), c.occupationName(), c.skillLevel(), c.theoryHours(), c.practiceHours(),
                c.onlineHours(), c.deliveryMode(), c.partnerIds(), rows, c.fee(), c.completionAward(), c.awardLevel(),
                c.evaluatorId(), percent(c.attendanceThreshold()), percent(c.theoryWeight()), c.passMark(),
                c.description(), view.version());
    }

    ProgrammeContent content() {
        List<ProgrammeContent.Module> moduleList = modules == null ? List.of()
                : modules.stream().filter(m -> m != null).map(m -> new ProgrammeContent.Module(m.name(), m.hours()))
                        .toList();
        return new ProgrammeContent(name, type, fundingMode, targetGroups, industryField, occupationCode,
                occupationName, skillLevel, theoryHours, practiceHours, onlineHours, deliveryMode, partnerIds,
                moduleList, fee, completionAward, awardLevel, evaluatorId, share(attendancePercent),
                share(theoryWeightPercent), passMark, description);
    }

    /** Module rows as the form's script starts from: at least one row. */
    public List<ModuleRow> moduleRows() {
        return modules == null || modules.isEmpty() ? List.of(new ModuleRow("", null)) : modules;
    }

    private static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.multiply(HUNDRED).stripTrailingZeros();
    }

    private static BigDecimal share(BigDecimal percent) {
        return percent == null ? null : percent.divide(HUNDRED, 3, java.math.RoundingMode.HALF_UP);
    }
}
