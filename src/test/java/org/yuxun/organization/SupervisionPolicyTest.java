package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.yuxun.organization.SupervisionPolicy.Supervisor;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.RegionCode;

class SupervisionPolicyTest {

    private static final RegionCode XIHU = RegionCode.of("330106");
    private static final Supervisor HANGZHOU_EDUCATION = new Supervisor(1, AuthorityKind.EDUCATION, "330100", true);
    private static final Supervisor HANGZHOU_HRSS = new Supervisor(2, AuthorityKind.HUMAN_RESOURCES, "330100", true);
    private static final Supervisor NINGBO_EDUCATION = new Supervisor(3, AuthorityKind.EDUCATION, "330200", true);
    private static final Supervisor MINISTRY_OF_EDUCATION = new Supervisor(4, AuthorityKind.EDUCATION, null, true);

    @Test
    void aVocationalCollegeIsSupervisedByTheEducationAuthorityOfItsCity() {
        assertThatCode(() -> SupervisionPolicy.check(InstitutionKind.HIGHER_VOCATIONAL, XIHU, HANGZHOU_EDUCATION,
                true)).doesNotThrowAnyException();
    }

    @Test
    void aTechnicalSchoolIsSupervisedByTheHrssAuthority() {
        assertThatCode(() -> SupervisionPolicy.check(InstitutionKind.TECHNICIAN_COLLEGE, XIHU, HANGZHOU_HRSS, true))
                .doesNotThrowAnyException();
    }

    @Test
    void aNationalAuthorityContainsEveryRegion() {
        assertThatCode(() -> SupervisionPolicy.check(InstitutionKind.SECONDARY_VOCATIONAL, XIHU,
                MINISTRY_OF_EDUCATION, true)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnHrssAuthorityForAVocationalCollege() {
        assertThat(codeOf(InstitutionKind.HIGHER_VOCATIONAL, HANGZHOU_HRSS, true))
                .isEqualTo("institution.authority.education");
    }

    @Test
    void refusesAnEducationAuthorityForATrainingProvider() {
        assertThat(codeOf(InstitutionKind.TRAINING_PROVIDER, HANGZHOU_EDUCATION, true))
                .isEqualTo("institution.authority.hrss");
    }

    @Test
    void refusesAnAuthorityOfAnotherCity() {
        assertThat(codeOf(InstitutionKind.HIGHER_VOCATIONAL, NINGBO_EDUCATION, true))
                .isEqualTo("institution.authority.region");
    }

    @Test
    void refusesANewlyChosenInactiveAuthorityButKeepsTheOneOnFile() {
        Supervisor inactive = new Supervisor(5, AuthorityKind.EDUCATION, "330100", false);
        assertThat(codeOf(InstitutionKind.HIGHER_VOCATIONAL, inactive, true))
                .isEqualTo("institution.authority.inactive");
        assertThatCode(() -> SupervisionPolicy.check(InstitutionKind.HIGHER_VOCATIONAL, XIHU, inactive, false))
                .doesNotThrowAnyException();
    }

    @Test
    void refusalsNameTheSupervisingAuthorityField() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> SupervisionPolicy.check(InstitutionKind.HIGHER_VOCATIONAL, XIHU, HANGZHOU_HRSS, true));
        assertThat(refusal.violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("supervisingAuthorityId"));
    }

    private static String codeOf(InstitutionKind kind, Supervisor authority, boolean newlyChosen) {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> SupervisionPolicy.check(kind, XIHU, authority, newlyChosen));
        return refusal.violations().getFirst().code();
    }
}
