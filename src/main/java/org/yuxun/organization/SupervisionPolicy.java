package org.yuxun.organization;

import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.RegionCode;

/**
 * Which authority may supervise an institution. 职业院校 are run under the education administration, 技工院校,
 * training providers and evaluation organisations under human resources and social security (《职业教育法》
 * 第八条; DESIGN.md, "Data scope, precisely"), and an authority supervises only within the region it governs, so
 * its region must contain the institution's, unless it is a national ministry. A wrong pairing would put the
 * institution in the remit of officers who must not see it and hide it from those who must.
 */
public final class SupervisionPolicy {

    /** The form field every refusal names. */
    public static final String FIELD = "supervisingAuthorityId";

    /** The authority as far as this rule needs it; {@code regionCode} is null for a national authority. */
    public record Supervisor(long id, AuthorityKind kind, String regionCode, boolean active) {
    }

    private SupervisionPolicy() {
    }

    /**
     * Accepts the pairing or refuses it at {@link #FIELD}.
     *
     * @param newlyChosen whether the authority differs from the one on file: only a new choice must be active, so
     *     deactivating an authority does not block edits to the institutions it already supervises
     * @throws InvalidInput when the kind or the region does not match, or a newly chosen authority is inactive
     */
    public static void check(InstitutionKind kind, RegionCode institutionRegion, Supervisor authority,
                             boolean newlyChosen) {
        if (newlyChosen && !authority.active()) {
            throw new InvalidInput(FIELD, "institution.authority.inactive", "所选主管部门已停用");
        }
        if (authority.kind() != kind.supervisedBy()) {
            throw kind.isVocationalCollege()
                    ? new InvalidInput(FIELD, "institution.authority.education", "职业院校的主管部门应为教育行政部门")
                    : new InvalidInput(FIELD, "institution.authority.hrss",
                            "技工院校、职业培训机构和培训评价组织的主管部门应为人力资源社会保障部门");
        }
        if (authority.regionCode() != null
                && !RegionCode.of(authority.regionCode()).contains(institutionRegion)) {
            throw new InvalidInput(FIELD, "institution.authority.region", "所选主管部门的管辖地区不包含该机构所在地区");
        }
    }
}
