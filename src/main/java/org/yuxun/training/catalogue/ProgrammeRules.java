package org.yuxun.training.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidInput.Violation;

/** All catalogue rules a programme's content must meet before it is saved; refuses with every violation at once. */
final class ProgrammeRules {

    private ProgrammeRules() {
    }

    static void require(ProgrammeContent content) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(ModuleHoursPolicy.check(content));
        violations.addAll(CompletionAwardPolicy.check(content));
        violations.addAll(ApprenticeshipPolicy.check(content));
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
