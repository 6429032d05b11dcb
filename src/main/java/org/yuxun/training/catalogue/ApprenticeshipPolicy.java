package org.yuxun.training.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.InvalidInput.Violation;

/**
 * 企业新型学徒制 is training an enterprise commissions for its own apprentices, co-run with the institution
 * (seeds/002 L1244–1245, DESIGN.md "Apprenticeships"): such a programme is commissioned and names its enterprise.
 */
final class ApprenticeshipPolicy {

    private ApprenticeshipPolicy() {
    }

    static List<Violation> check(ProgrammeContent content) {
        List<Violation> violations = new ArrayList<>();
        if (content.type() == ProgrammeType.ENTERPRISE_APPRENTICESHIP) {
            if (content.fundingMode() != FundingMode.COMMISSIONED) {
                violations.add(new Violation("fundingMode", "programme.apprenticeship.funding",
                        "企业新型学徒制项目的经费方式必须是企业委托", new Object[0]));
            }
            if (content.partnerIds().isEmpty()) {
                violations.add(new Violation("partnerIds", "programme.apprenticeship.partner",
                        "企业新型学徒制项目须选择合作企业", new Object[0]));
            }
        }
        return violations;
    }
}
