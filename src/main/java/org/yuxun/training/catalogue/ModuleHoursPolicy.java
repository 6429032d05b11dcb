package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.InvalidInput.Violation;

/**
 * The modules of a programme add up to exactly its theory, practice and online hours: the hours split is what the
 * schedule, attendance and the subsidy claim are measured against (seeds/001 §二(五) 培训方案), so a module plan that
 * promises more or fewer hours than the programme would make every later check disagree.
 */
final class ModuleHoursPolicy {

    private ModuleHoursPolicy() {
    }

    static List<Violation> check(ProgrammeContent content) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal total = content.totalHours();
        if (total.signum() <= 0) {
            violations.add(new Violation("theoryHours", "programme.hours.none", "理论、实操、线上学时合计必须大于 0",
                    new Object[0]));
            return violations;
        }
        if (content.modules().isEmpty()) {
            violations.add(new Violation("modules", "programme.modules.none", "请至少填写一个培训模块及其学时",
                    new Object[0]));
            return violations;
        }
        BigDecimal sum = content.modules().stream().map(m -> ProgrammeContent.zero(m.hours()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            violations.add(new Violation("modules", "programme.modules.hours",
                    "各模块学时之和（" + sum.stripTrailingZeros().toPlainString() + "）必须等于理论、实操、线上学时之和（"
                            + total.stripTrailingZeros().toPlainString() + "）",
                    new Object[] {sum.stripTrailingZeros().toPlainString(), total.stripTrailingZeros().toPlainString()}));
        }
        return violations;
    }
}
