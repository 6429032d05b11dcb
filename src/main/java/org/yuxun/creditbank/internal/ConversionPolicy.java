package org.yuxun.creditbank.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.creditbank.internal.ConversionRules.Rule;
import org.yuxun.creditbank.internal.LearningAccounts.Outcome;

/**
 * Whether a conversion rule applies to a learning outcome (seeds/001 §二(九): outcomes convert "按规定", by the
 * published rule). A rule names the outcome it accepts — a certificate of a kind, at a skill level or higher
 * (level 1 is the highest), optionally with a word its title must contain; a training programme; a competition
 * by a word of its name — and may require that the outcome is not older than a number of years.
 */
final class ConversionPolicy {

    /** Why a rule does not apply: a message code with its Chinese default. */
    record Refusal(String code, String message, Object... args) {
    }

    private ConversionPolicy() {
    }

    /** Whether the rule names this kind of outcome at all (its age aside). */
    static boolean matches(Rule rule, Outcome outcome) {
        return switch (rule.outcomeType()) {
            case "CERTIFICATE" -> outcome.kind() == OutcomeKind.CERTIFICATE
                    && rule.certificateKind().equals(outcome.certificateKind())
                    && (rule.skillLevel() == null
                        || (outcome.skillLevel() != null && outcome.skillLevel() <= rule.skillLevel()))
                    && (rule.titleKeyword() == null || outcome.title().contains(rule.titleKeyword()));
            case "TRAINING_PROGRAMME" -> outcome.kind() == OutcomeKind.TRAINING
                    && rule.trainingProgrammeId().equals(outcome.programmeId());
            case "COMPETITION" -> outcome.kind() == OutcomeKind.COMPETITION
                    && outcome.title().contains(rule.titleKeyword());
            default -> false;
        };
    }

    /** Why the rule cannot convert this outcome today, or empty when it can. */
    static Optional<Refusal> refusal(Rule rule, Outcome outcome, LocalDate today) {
        Optional<Refusal> revoked = revoked(outcome);
        if (revoked.isPresent()) {
            return revoked;
        }
        if (!rule.inForceOn(today)) {
            return Optional.of(new Refusal("credit.refusal.ruleNotInForce", "该转换规则当前不在有效期内"));
        }
        if (!matches(rule, outcome)) {
            return Optional.of(new Refusal("credit.refusal.notMatching", "该学习成果不符合转换规则的要求"));
        }
        if (rule.maxAgeYears() != null && outcome.achievedOn().plusYears(rule.maxAgeYears()).isBefore(today)) {
            return Optional.of(new Refusal("credit.refusal.expired",
                    "该学习成果取得于 {0}，已超过规则要求的 {1} 年有效期", outcome.achievedOn(), rule.maxAgeYears()));
        }
        return Optional.empty();
    }

    /** Why an outcome can be converted under no rule at all: its certificate was revoked. */
    static Optional<Refusal> revoked(Outcome outcome) {
        if (outcome.revoked()) {
            return Optional.of(new Refusal("credit.refusal.revoked", "证书已于 {0} 撤销（{1}），不能用于学分兑换",
                    outcome.revokedOn(), outcome.revokedReason()));
        }
        return Optional.empty();
    }
}
