package org.yuxun.training.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.InvalidInput;

class ProgrammeRulesTest {

    @Test
    void acceptsModulesWhoseHoursAddUpToTheProgramme() {
        assertThat(ModuleHoursPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(module(10), module(20)), CompletionAward.NONE, null, null))).isEmpty();
    }

    @Test
    void refusesModulesThatAddUpToMoreOrFewerHours() {
        var violations = ModuleHoursPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(module(10), module(25)), CompletionAward.NONE, null, null));
        assertThat(violations).extracting(InvalidInput.Violation::code).containsExactly("programme.modules.hours");
        assertThat(violations.getFirst().defaultMessage()).contains("35").contains("30");
    }

    @Test
    void refusesAProgrammeWithoutModulesOrHours() {
        assertThat(ModuleHoursPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(), CompletionAward.NONE, null, null)))
                .extracting(InvalidInput.Violation::code).containsExactly("programme.modules.none");
    }

    @Test
    void aSkillLevelCertificateNeedsItsLevelAndEvaluator() {
        assertThat(CompletionAwardPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(module(30)), CompletionAward.SKILL_LEVEL_CERTIFICATE, null, null)))
                .extracting(InvalidInput.Violation::field).containsExactly("awardLevel", "evaluatorId");
        assertThat(CompletionAwardPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(module(30)), CompletionAward.SKILL_LEVEL_CERTIFICATE, 4, 7L))).isEmpty();
        assertThat(CompletionAwardPolicy.check(content(ProgrammeType.JOB_SKILLS, FundingMode.MARKET, List.of(),
                List.of(module(30)), CompletionAward.TRAINING_CERTIFICATE, null, null))).isEmpty();
    }

    @Test
    void anApprenticeshipIsCommissionedByAPartnerEnterprise() {
        assertThat(ApprenticeshipPolicy.check(content(ProgrammeType.ENTERPRISE_APPRENTICESHIP, FundingMode.SUBSIDISED,
                List.of(), List.of(module(30)), CompletionAward.NONE, null, null)))
                .extracting(InvalidInput.Violation::field).containsExactly("fundingMode", "partnerIds");
        assertThat(ApprenticeshipPolicy.check(content(ProgrammeType.ENTERPRISE_APPRENTICESHIP,
                FundingMode.COMMISSIONED, List.of(3L), List.of(module(30)), CompletionAward.NONE, null, null)))
                .isEmpty();
    }

    @Test
    void theRulesRefuseWithEveryViolationAtOnce() {
        assertThatThrownBy(() -> ProgrammeRules.require(content(ProgrammeType.ENTERPRISE_APPRENTICESHIP,
                FundingMode.MARKET, List.of(3L), List.of(module(5)), CompletionAward.SKILL_LEVEL_CERTIFICATE, 4,
                null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::code)
                        .containsExactlyInAnyOrder("programme.modules.hours", "programme.award.evaluator",
                                "programme.apprenticeship.funding"));
    }

    private static ProgrammeContent.Module module(int hours) {
        return new ProgrammeContent.Module("模块", BigDecimal.valueOf(hours));
    }

    private static ProgrammeContent content(ProgrammeType type, FundingMode funding, List<Long> partners,
                                            List<ProgrammeContent.Module> modules, CompletionAward award,
                                            Integer level, Long evaluator) {
        return new ProgrammeContent("测试项目", type, funding, List.of(), IndustryField.OTHER, null, null, null,
                BigDecimal.TEN, BigDecimal.valueOf(15), BigDecimal.valueOf(5), DeliveryMode.ON_CAMPUS, partners,
                modules, BigDecimal.ZERO, award, level, evaluator, new BigDecimal("0.8"), new BigDecimal("0.5"),
                BigDecimal.valueOf(60), null);
    }
}
