package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;

class OrgRelationTest {

    @Test
    void institutionStaffAndTeachersActForTheirInstitution() {
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.INSTITUTION, 1L, null, 7L, null)))
                .contains(new OrgRef(OrgRef.Kind.INSTITUTION, 7));
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.TEACHER, 1L, null, 7L, null)))
                .contains(new OrgRef(OrgRef.Kind.INSTITUTION, 7));
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.ENTERPRISE, 1L, null, 9L, null)))
                .contains(new OrgRef(OrgRef.Kind.ENTERPRISE, 9));
    }

    @Test
    void administratorsOfficersAndLearnersActForNoOrganisation() {
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.PLATFORM, 1L, null, null, null))).isEmpty();
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.EDUCATION_AUTHORITY, 1L, null, 3L, "33"))).isEmpty();
        assertThat(OrgRef.of(new DataScope(DataScope.Kind.LEARNER, 1L, 5L, null, null))).isEmpty();
        assertThat(OrgRef.of(DataScope.SYSTEM)).isEmpty();
    }

    @Test
    void anEnterpriseHasEmployeesNotLearners() {
        OrgRef enterprise = new OrgRef(OrgRef.Kind.ENTERPRISE, 9);

        assertThat(enterprise.as(Relation.EMPLOYEE).relation()).isEqualTo(Relation.EMPLOYEE);
        assertThatThrownBy(() -> enterprise.as(Relation.LEARNER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations().getFirst().code())
                        .isEqualTo("person.relation.notApplicable"));
    }

    @Test
    void anInstitutionHasLearnersStaffAndApplicants() {
        OrgRef institution = new OrgRef(OrgRef.Kind.INSTITUTION, 7);

        assertThat(institution.as(Relation.LEARNER)).isNotNull();
        assertThat(institution.as(Relation.STAFF)).isNotNull();
        assertThat(institution.as(Relation.APPLICANT)).isNotNull();
        assertThatThrownBy(() -> institution.as(Relation.EMPLOYEE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> institution.as(null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("relation"));
    }
}
