package org.yuxun.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which region's HRSS authority decides on a subsidy claim or an apprenticeship filing (seeds/002 L1249). */
class CityReviewTest {

    @Test
    void theCityOfTheEnterpriseReviewsOrACountyUnderNoCity() {
        // 余杭区 → 杭州市
        assertThat(CityReview.reviewingRegion("330110")).contains("330100");
        // an enterprise registered at the city itself
        assertThat(CityReview.reviewingRegion("330200")).contains("330200");
        // 仙桃市, a county-level city placed directly under 湖北省
        assertThat(CityReview.reviewingRegion("429004")).contains("429004");
        // a province or nonsense has no reviewing city
        assertThat(CityReview.reviewingRegion("330000")).isEmpty();
        // the four municipalities review for all their districts and counties
        assertThat(CityReview.reviewingRegion("110105")).contains("110000");
        assertThat(CityReview.reviewingRegion("310115")).contains("310000");
        assertThat(CityReview.reviewingRegion("500229")).contains("500000");
        assertThat(CityReview.reviewingRegion("120000")).contains("120000");
        assertThat(CityReview.reviewingRegion("abc")).isEmpty();
        assertThat(CityReview.reviewingRegion(null)).isEmpty();
    }
}
