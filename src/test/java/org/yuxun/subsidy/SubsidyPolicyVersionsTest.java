package org.yuxun.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.subsidy.internal.PolicyCommand;
import org.yuxun.subsidy.internal.SubsidyPolicies;
import org.yuxun.subsidy.internal.SubsidyPolicy;

/** A claim is judged by the policy version in force when its class started; retiring ends the current version. */
@IntegrationTest
class SubsidyPolicyVersionsTest {

    @Autowired
    SubsidyPolicies policies;

    static PolicyCommand command(LocalDate from, int amount) {
        return new PolicyCommand("昆明市职业技能培训补贴", List.of("JOB_SKILLS"), List.of("4-10-01-05"), List.of(5),
                List.of(), new BigDecimal("0.8"), BigDecimal.ZERO, List.of(), 3, true, Payee.INSTITUTION, from, null,
                Map.of(5, new SubsidyPolicy.Amount(BigDecimal.valueOf(amount), BigDecimal.valueOf(amount / 2))));
    }

    @Test
    void aClassIsJudgedByTheVersionInForceWhenItStarted() {
        DataScope.asSystem(() -> {
            SubsidyPolicy first = policies.create(command(LocalDate.of(2025, 1, 1), 800), 1, "5301", null);
            SubsidyPolicy second = policies.newVersion(first.id(), command(LocalDate.of(2026, 6, 1), 1200), null);
            assertThat(policies.get(first.id()).validUntil()).isEqualTo(LocalDate.of(2026, 5, 31));

            assertThat(policies.forClass("530102", "JOB_SKILLS", "4-10-01-05", 5, LocalDate.of(2026, 5, 31)))
                    .map(SubsidyPolicy::id).contains(first.id());
            assertThat(policies.forClass("530102", "JOB_SKILLS", "4-10-01-05", 5, LocalDate.of(2026, 6, 1)))
                    .map(SubsidyPolicy::id).contains(second.id());
            assertThat(policies.forClass("530102", "JOB_SKILLS", "4-10-01-05", 4, LocalDate.of(2026, 6, 1)))
                    .as("a level the policy does not cover").isEmpty();
            assertThat(policies.forClass("530102", "REEMPLOYMENT", "4-10-01-05", 5, LocalDate.of(2026, 6, 1)))
                    .as("a programme type the policy does not cover").isEmpty();
            assertThat(policies.forClass("330106", "JOB_SKILLS", "4-10-01-05", 5, LocalDate.of(2026, 6, 1)))
                    .as("another region").map(SubsidyPolicy::regionPrefix).isNotEqualTo(java.util.Optional.of("5301"));

            assertThatThrownBy(() -> policies.newVersion(second.id(), command(LocalDate.of(2026, 6, 1), 1), null))
                    .isInstanceOf(InvalidInput.class)
                    .extracting(e -> ((InvalidInput) e).violations().getFirst().field()).isEqualTo("validFrom");

            LocalDate today = LocalDate.of(2026, 12, 5);
            policies.retire(second.id(), policies.get(second.id()).version(), today);
            SubsidyPolicy retired = policies.get(second.id());
            assertThat(retired.retired()).isTrue();
            assertThat(retired.validUntil()).isEqualTo(today);
            assertThat(policies.forClass("530102", "JOB_SKILLS", "4-10-01-05", 5, LocalDate.of(2026, 7, 1)))
                    .as("a class that started before the policy was retired").map(SubsidyPolicy::id)
                    .contains(second.id());
            assertThat(policies.forClass("530102", "JOB_SKILLS", "4-10-01-05", 5, today.plusDays(1))).isEmpty();
        });
    }
}
