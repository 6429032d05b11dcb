package org.yuxun.organization;

import java.util.Optional;

/**
 * What other modules may ask about organisations. Lookups run in the caller's data scope unless said otherwise.
 */
public interface OrganizationDirectory {

    /** An authority's kind ({@code EDUCATION} / {@code HUMAN_RESOURCES}), level and governed region. */
    record AuthorityInfo(long id, String name, String kind, String level, String regionCode) {
    }

    /** An institution's kind and region: what decides which authorities supervise it. */
    record InstitutionInfo(long id, String name, InstitutionKind kind, String regionCode, boolean active) {
    }

    /** An enterprise's identity and region. */
    record EnterpriseInfo(long id, String name, String creditCode, String regionCode, boolean active) {
    }

    /** Read in system scope: sign-in needs it before a scope exists. */
    Optional<AuthorityInfo> authority(long id);

    /** Read in system scope: a name is shown wherever a record of the institution is legitimately shown. */
    Optional<String> institutionName(long id);

    /** Read in system scope, for the same reason. */
    Optional<String> enterpriseName(long id);

    /** Read in system scope: used to record relationships (a person linked to an institution) correctly. */
    Optional<InstitutionInfo> institution(long id);

    /** Read in system scope, for the same reason. */
    Optional<EnterpriseInfo> enterprise(long id);
}
