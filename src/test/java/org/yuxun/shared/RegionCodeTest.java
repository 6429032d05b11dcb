package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yuxun.shared.ValueAssertions.assertRejected;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    private static final RegionCode BEIJING = new RegionCode("110000");
    private static final RegionCode BEIJING_DISTRICTS = new RegionCode("110100");
    private static final RegionCode DONGCHENG = new RegionCode("110101");
    private static final RegionCode XIANTAO = new RegionCode("429004");

    @Test
    void tellsProvinceCityAndCountyApart() {
        assertThat(BEIJING.level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(BEIJING_DISTRICTS.level()).isEqualTo(RegionLevel.CITY);
        assertThat(DONGCHENG.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(new RegionCode("440300").level()).isEqualTo(RegionLevel.CITY);
        assertThat(new RegionCode("440306").level()).isEqualTo(RegionLevel.COUNTY);
    }

    @Test
    void givesTheSubtreePrefixForLikeQueries() {
        assertThat(BEIJING.subtreePrefix()).isEqualTo("11");
        assertThat(BEIJING_DISTRICTS.subtreePrefix()).isEqualTo("1101");
        assertThat(DONGCHENG.subtreePrefix()).isEqualTo("110101");
    }

    @Test
    void findsTheProvinceOfEveryLevel() {
        assertThat(BEIJING.provinceCode()).isEqualTo(BEIJING);
        assertThat(BEIJING_DISTRICTS.provinceCode()).isEqualTo(BEIJING);
        assertThat(DONGCHENG.provinceCode()).isEqualTo(BEIJING);
    }

    @Test
    void findsTheCityOfACityOrCounty() {
        assertThat(DONGCHENG.cityCode()).contains(BEIJING_DISTRICTS);
        assertThat(BEIJING_DISTRICTS.cityCode()).contains(BEIJING_DISTRICTS);
        assertThat(XIANTAO.cityCode()).contains(new RegionCode("429000"));
    }

    @Test
    void hasNoCityForAProvinceOrACountyDirectlyUnderItsProvince() {
        assertThat(BEIJING.cityCode()).isEmpty();
        assertThat(new RegionCode("110001").cityCode()).isEmpty();
    }

    @Test
    void containsItselfAndEverythingInItsSubtree() {
        assertThat(BEIJING.contains(BEIJING)).isTrue();
        assertThat(BEIJING.contains(BEIJING_DISTRICTS)).isTrue();
        assertThat(BEIJING.contains(DONGCHENG)).isTrue();
        assertThat(BEIJING_DISTRICTS.contains(DONGCHENG)).isTrue();
        assertThat(DONGCHENG.contains(DONGCHENG)).isTrue();
    }

    @Test
    void doesNotContainParentsSiblingsOrOtherProvinces() {
        assertThat(DONGCHENG.contains(BEIJING_DISTRICTS)).isFalse();
        assertThat(DONGCHENG.contains(new RegionCode("110102"))).isFalse();
        assertThat(BEIJING_DISTRICTS.contains(BEIJING)).isFalse();
        assertThat(BEIJING_DISTRICTS.contains(new RegionCode("110200"))).isFalse();
        assertThat(BEIJING.contains(new RegionCode("120101"))).isFalse();
    }

    @Test
    void refusesToCompareWithNothing() {
        assertThatThrownBy(() -> BEIJING.contains(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void normalisesFullWidthDigitsAndSpaces() {
        assertThat(RegionCode.of(" １１０１ ０１ ")).isEqualTo(DONGCHENG);
    }

    @Test
    void printsTheBareCode() {
        assertThat(DONGCHENG).hasToString("110101");
    }

    @Test
    void rejectsBlankInput() {
        assertRejected(() -> RegionCode.of(null), "region.code.blank").hasMessage("行政区划代码不能为空");
        assertRejected(() -> RegionCode.of("\u3000"), "region.code.blank");
    }

    @Test
    void rejectsAnythingButSixDigits() {
        assertRejected(() -> RegionCode.of("11010"), "region.code.format").hasMessage("行政区划代码应为6位数字");
        assertRejected(() -> RegionCode.of("1101011"), "region.code.format");
        assertRejected(() -> RegionCode.of("11010A"), "region.code.format");
        assertRejected(() -> new RegionCode("110101 "), "region.code.format");
    }

    @Test
    void rejectsCodesOutsideEveryProvince() {
        assertRejected(() -> RegionCode.of("000000"), "region.code.province")
                .hasMessage("行政区划代码前两位不是有效的省级代码");
        assertRejected(() -> RegionCode.of("160000"), "region.code.province");
        assertRejected(() -> RegionCode.of("830000"), "region.code.province");
    }

    @Test
    void acceptsTaiwanHongKongAndMacao() {
        assertThat(RegionCode.isValid("710000")).isTrue();
        assertThat(RegionCode.isValid("810000")).isTrue();
        assertThat(RegionCode.isValid("820000")).isTrue();
        assertThat(RegionCode.isValid("")).isFalse();
    }

    @Test
    void labelsLevelsInChinese() {
        assertThat(RegionLevel.PROVINCE.label()).isEqualTo("省级");
        assertThat(RegionLevel.CITY.label()).isEqualTo("地级");
        assertThat(RegionLevel.COUNTY.label()).isEqualTo("县级");
    }
}
