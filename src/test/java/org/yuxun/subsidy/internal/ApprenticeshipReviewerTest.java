package org.yuxun.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which region's HRSS authority reviews an enterprise's apprenticeship filing (seeds/002 L1249). */
class ApprenticeshipReviewerTest {

    @Test
    void theCityOfTheEnterpriseReviewsOrACountyUnderNoCity() {
        // 余杭区 → 杭州市
        assertThat(SubsidyApprenticeships.reviewingRegion("330110")).contains("330100");
        // an enterprise registered at the city itself
        assertThat(SubsidyApprenticeships.reviewingRegion("330200")).contains("330200");
        // 仙桃市, a county-level city placed directly under 湖北省
        assertThat(SubsidyApprenticeships.reviewingRegion("429004")).contains("429004");
        // a province or nonsense has no reviewing city
        assertThat(SubsidyApprenticeships.reviewingRegion("330000")).isEmpty();
        assertThat(SubsidyApprenticeships.reviewingRegion("abc")).isEmpty();
        assertThat(SubsidyApprenticeships.reviewingRegion(null)).isEmpty();
    }
}
