package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.InvalidInput;

class VenuePolicyTest {

    @Test
    void aClassroomWithAnAddressIsAccepted() {
        assertThatCode(() -> VenuePolicy.check(VenueKind.CLASSROOM, false, "实训楼 A101"))
                .doesNotThrowAnyException();
    }

    @Test
    void anOnlineRoomNeedsNoAddress() {
        assertThatCode(() -> VenuePolicy.check(VenueKind.ONLINE, false, null)).doesNotThrowAnyException();
    }

    @Test
    void aPhysicalVenueWithoutAnAddressIsRefusedAtTheAddress() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> VenuePolicy.check(VenueKind.TRAINING_BASE, false, " "));
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("address");
            assertThat(v.code()).isEqualTo("venue.address.required");
        });
    }

    @Test
    void onlyAnEnterpriseOwnsAnEnterpriseSite() {
        assertThatCode(() -> VenuePolicy.check(VenueKind.ENTERPRISE_SITE, true, "总装车间"))
                .doesNotThrowAnyException();
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> VenuePolicy.check(VenueKind.ENTERPRISE_SITE, false, "总装车间"));
        assertThat(refusal.violations()).singleElement()
                .satisfies(v -> assertThat(v.code()).isEqualTo("venue.kind.enterpriseSite"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> VenuePolicy.check(VenueKind.ENTERPRISE_SITE, false, null));
        assertThat(refusal.violations()).extracting(InvalidInput.Violation::field)
                .containsExactlyInAnyOrder("kind", "address");
    }
}
