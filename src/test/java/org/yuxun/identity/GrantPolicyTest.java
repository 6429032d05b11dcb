package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.shared.DataScope.Kind;

class GrantPolicyTest {

    @Test
    void thePlatformGrantsEveryRole() {
        assertThat(GrantPolicy.grantableBy(Kind.PLATFORM)).contains(Kind.PLATFORM, Kind.EDUCATION_AUTHORITY,
                Kind.HRSS_AUTHORITY, Kind.INSTITUTION, Kind.TEACHER, Kind.ENTERPRISE, Kind.LEARNER);
        assertThat(GrantPolicy.choosesAnyOrganisation(Kind.PLATFORM)).isTrue();
    }

    @Test
    void anInstitutionGrantsOnlyInstitutionAndTeacherRoles() {
        assertThat(GrantPolicy.grantableBy(Kind.INSTITUTION)).containsExactlyInAnyOrder(Kind.INSTITUTION,
                Kind.TEACHER);
        assertThat(GrantPolicy.choosesAnyOrganisation(Kind.INSTITUTION)).isFalse();
    }

    @Test
    void anAuthorityGrantsOnlyItsOwnRemit() {
        assertThat(GrantPolicy.grantableBy(Kind.EDUCATION_AUTHORITY)).containsExactly(Kind.EDUCATION_AUTHORITY);
        assertThat(GrantPolicy.grantableBy(Kind.HRSS_AUTHORITY)).containsExactly(Kind.HRSS_AUTHORITY);
    }

    @Test
    void teachersAndLearnersGrantNothing() {
        assertThat(GrantPolicy.grantableBy(Kind.TEACHER)).isEmpty();
        assertThat(GrantPolicy.grantableBy(Kind.LEARNER)).isEmpty();
        assertThat(GrantPolicy.grantableBy(Kind.ANONYMOUS)).isEmpty();
    }

    @Test
    void aRoleFitsTheOrganisationItsScopeReads() {
        assertThat(GrantPolicy.organisationFor(Kind.PLATFORM)).isEqualTo(OrgKind.PLATFORM);
        assertThat(GrantPolicy.organisationFor(Kind.HRSS_AUTHORITY)).isEqualTo(OrgKind.AUTHORITY);
        assertThat(GrantPolicy.organisationFor(Kind.TEACHER)).isEqualTo(OrgKind.INSTITUTION);
        assertThat(GrantPolicy.organisationFor(Kind.ENTERPRISE)).isEqualTo(OrgKind.ENTERPRISE);
        assertThat(GrantPolicy.organisationFor(Kind.LEARNER)).isEqualTo(OrgKind.NONE);
        assertThat(GrantPolicy.authorityKindFor(Kind.EDUCATION_AUTHORITY)).isEqualTo("EDUCATION");
        assertThat(GrantPolicy.authorityKindFor(Kind.HRSS_AUTHORITY)).isEqualTo("HUMAN_RESOURCES");
        assertThat(GrantPolicy.authorityKindFor(Kind.INSTITUTION)).isNull();
    }
}
