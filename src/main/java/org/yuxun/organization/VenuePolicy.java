package org.yuxun.organization;

import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.InvalidInput;

/**
 * What makes a venue usable for scheduling sessions. A place people go to needs an address, since learners must
 * find it and attendance checks compare where a check-in happened with where the session was; an enterprise site
 * (企业生产现场) is by definition the enterprise's, so only an enterprise owns one. An online venue has no address.
 */
public final class VenuePolicy {

    private VenuePolicy() {
    }

    /** @throws InvalidInput naming {@code kind} or {@code address} */
    public static void check(VenueKind kind, boolean ownedByEnterprise, String address) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (kind == VenueKind.ENTERPRISE_SITE && !ownedByEnterprise) {
            violations.add(new InvalidInput.Violation("kind", "venue.kind.enterpriseSite",
                    "企业生产现场只能登记在企业名下", new Object[0]));
        }
        if (kind.isPhysical() && (address == null || address.isBlank())) {
            violations.add(new InvalidInput.Violation("address", "venue.address.required", "线下场地须填写地址",
                    new Object[0]));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
