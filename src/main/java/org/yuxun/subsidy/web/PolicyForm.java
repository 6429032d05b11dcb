package org.yuxun.subsidy.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidInput.Violation;
import org.yuxun.shared.Text;
import org.yuxun.subsidy.Payee;
import org.yuxun.subsidy.internal.PolicyCommand;
import org.yuxun.subsidy.internal.SubsidyPolicy;

/**
 * The policy form. Amounts are entered per level (index 0 for programmes without a level, 1–5 for 一级…五级); a
 * level left blank is not subsidised. The attendance threshold is entered in percent.
 */
public class PolicyForm {

    private String name;
    private List<String> programmeTypes = new ArrayList<>();
    private String occupationCodes;
    private List<Integer> skillLevels = new ArrayList<>();
    private List<String> priorityGroups = new ArrayList<>();
    private String minAttendance = "80";
    private String livingAllowance = "0";
    private List<String> livingAllowanceGroups = new ArrayList<>();
    private String yearlyLimit = "3";
    private boolean oncePerOccupation = true;
    private Payee payee = Payee.INSTITUTION;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validUntil;
    private List<String> withCertificate = new ArrayList<>(Arrays.asList("", "", "", "", "", ""));
    private List<String> withoutCertificate = new ArrayList<>(Arrays.asList("", "", "", "", "", ""));

    public static PolicyForm of(SubsidyPolicy p) {
        PolicyForm f = new PolicyForm();
        f.name = p.name();
        f.programmeTypes = new ArrayList<>(p.programmeTypes());
        f.occupationCodes = String.join(", ", p.occupationCodes());
        f.skillLevels = new ArrayList<>(p.skillLevels());
        f.priorityGroups = new ArrayList<>(p.priorityGroups());
        f.minAttendance = p.minAttendance().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
        f.livingAllowance = p.livingAllowance().stripTrailingZeros().toPlainString();
        f.livingAllowanceGroups = new ArrayList<>(p.livingAllowanceGroups());
        f.yearlyLimit = String.valueOf(p.yearlyLimit());
        f.oncePerOccupation = p.oncePerOccupation();
        f.payee = p.payee();
        p.amounts().forEach((level, amount) -> {
            f.withCertificate.set(level, amount.withCertificate().stripTrailingZeros().toPlainString());
            f.withoutCertificate.set(level, amount.withoutCertificate().stripTrailingZeros().toPlainString());
        });
        return f;
    }

    /** The command, or every refusal at its field. */
    public PolicyCommand command() {
        List<Violation> errors = new ArrayList<>();
        String n = Text.normalise(name);
        if (n == null || n.isEmpty() || n.length() > 100) {
            errors.add(new Violation("name", "subsidy.policy.name.required", "请填写政策名称（不超过 100 字）", null));
        }
        BigDecimal attendance = number(minAttendance, "minAttendance", BigDecimal.ZERO, BigDecimal.valueOf(100),
                errors);
        BigDecimal living = number(livingAllowance, "livingAllowance", BigDecimal.ZERO, BigDecimal.valueOf(100000),
                errors);
        BigDecimal limit = number(yearlyLimit, "yearlyLimit", BigDecimal.ONE, BigDecimal.valueOf(12), errors);
        if (validFrom == null) {
            errors.add(new Violation("validFrom", "subsidy.policy.validFrom.required", "请填写生效日期", null));
        }
        if (payee == null) {
            errors.add(new Violation("payee", "subsidy.policy.payee.required", "请选择补贴对象", null));
        }
        Map<Integer, SubsidyPolicy.Amount> amounts = new LinkedHashMap<>();
        for (int level = 0; level <= 5; level++) {
            String with = cell(withCertificate, level);
            String without = cell(withoutCertificate, level);
            if (with.isEmpty() && without.isEmpty()) {
                continue;
            }
            BigDecimal w = number(with, "withCertificate[" + level + "]", BigDecimal.ZERO,
                    BigDecimal.valueOf(1000000), errors);
            BigDecimal wo = without.isEmpty() ? BigDecimal.ZERO : number(without, "withoutCertificate[" + level + "]",
                    BigDecimal.ZERO, BigDecimal.valueOf(1000000), errors);
            if (w != null && wo != null) {
                amounts.put(level, new SubsidyPolicy.Amount(w, wo));
            }
        }
        if (amounts.isEmpty() && errors.stream().noneMatch(v -> v.field().startsWith("with"))) {
            errors.add(new Violation("withCertificate", "subsidy.policy.amounts.required",
                    "请至少填写一个等级的补贴标准", null));
        }
        List<String> occupations = occupationCodes == null ? List.of()
                : Arrays.stream(occupationCodes.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                        .distinct().toList();
        if (occupations.stream().anyMatch(o -> !o.matches("[0-9A-Za-z-]{1,20}"))) {
            errors.add(new Violation("occupationCodes", "subsidy.policy.occupationCodes.invalid",
                    "职业编码只能包含数字、字母和短横线，多个编码用逗号分隔", null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new PolicyCommand(n, List.copyOf(programmeTypes), occupations, List.copyOf(skillLevels),
                List.copyOf(priorityGroups), attendance.movePointLeft(2), living, List.copyOf(livingAllowanceGroups),
                limit.intValue(), oncePerOccupation, payee, validFrom, validUntil, amounts);
    }

    private static String cell(List<String> values, int index) {
        return values == null || values.size() <= index || values.get(index) == null ? "" : values.get(index).trim();
    }

    private static BigDecimal number(String text, String field, BigDecimal min, BigDecimal max,
                                     List<Violation> errors) {
        try {
            BigDecimal value = new BigDecimal(text == null ? "" : text.trim());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.scale() > 2) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Violation(field, "subsidy.policy.number.invalid", "请填写 {0} 到 {1} 之间的数字（最多两位小数）",
                    new Object[] {min.toPlainString(), max.toPlainString()}));
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getProgrammeTypes() {
        return programmeTypes;
    }

    public void setProgrammeTypes(List<String> programmeTypes) {
        this.programmeTypes = programmeTypes == null ? new ArrayList<>() : programmeTypes;
    }

    public String getOccupationCodes() {
        return occupationCodes;
    }

    public void setOccupationCodes(String occupationCodes) {
        this.occupationCodes = occupationCodes;
    }

    public List<Integer> getSkillLevels() {
        return skillLevels;
    }

    public void setSkillLevels(List<Integer> skillLevels) {
        this.skillLevels = skillLevels == null ? new ArrayList<>() : skillLevels;
    }

    public List<String> getPriorityGroups() {
        return priorityGroups;
    }

    public void setPriorityGroups(List<String> priorityGroups) {
        this.priorityGroups = priorityGroups == null ? new ArrayList<>() : priorityGroups;
    }

    public String getMinAttendance() {
        return minAttendance;
    }

    public void setMinAttendance(String minAttendance) {
        this.minAttendance = minAttendance;
    }

    public String getLivingAllowance() {
        return livingAllowance;
    }

    public void setLivingAllowance(String livingAllowance) {
        this.livingAllowance = livingAllowance;
    }

    public List<String> getLivingAllowanceGroups() {
        return livingAllowanceGroups;
    }

    public void setLivingAllowanceGroups(List<String> livingAllowanceGroups) {
        this.livingAllowanceGroups = livingAllowanceGroups == null ? new ArrayList<>() : livingAllowanceGroups;
    }

    public String getYearlyLimit() {
        return yearlyLimit;
    }

    public void setYearlyLimit(String yearlyLimit) {
        this.yearlyLimit = yearlyLimit;
    }

    public boolean isOncePerOccupation() {
        return oncePerOccupation;
    }

    public void setOncePerOccupation(boolean oncePerOccupation) {
        this.oncePerOccupation = oncePerOccupation;
    }

    public Payee getPayee() {
        return payee;
    }

    public void setPayee(Payee payee) {
        this.payee = payee;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public List<String> getWithCertificate() {
        return withCertificate;
    }

    public void setWithCertificate(List<String> withCertificate) {
        this.withCertificate = withCertificate;
    }

    public List<String> getWithoutCertificate() {
        return withoutCertificate;
    }

    public void setWithoutCertificate(List<String> withoutCertificate) {
        this.withoutCertificate = withoutCertificate;
    }
}
