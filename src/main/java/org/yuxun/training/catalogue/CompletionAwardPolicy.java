package org.yuxun.training.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.InvalidInput.Violation;

/**
 * A programme that promises a 职业技能等级证书 names the level and the evaluation organisation that will assess it:
 * certificates are issued by 培训评价组织 or registered evaluators, not by the training institution itself
 * (seeds/001 §二(四), DESIGN.md "What a programme issues").
 */
final class CompletionAwardPolicy {

    private CompletionAwardPolicy() {
    }

    static List<Violation> check(ProgrammeContent content) {
        List<Violation> violations = new ArrayList<>();
        if (content.completionAward() == CompletionAward.SKILL_LEVEL_CERTIFICATE) {
            if (content.awardLevel() == null || content.awardLevel() < 1 || content.awardLevel() > 5) {
                violations.add(new Violation("awardLevel", "programme.award.level", "技能等级证书须注明等级（一级至五级）",
                        new Object[0]));
            }
            if (content.evaluatorId() == null) {
                violations.add(new Violation("evaluatorId", "programme.award.evaluator", "技能等级证书须指定评价机构",
                        new Object[0]));
            }
        }
        return violations;
    }
}
