package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuxun.shared.ValueAssertions.assertRejected;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void acceptsMobileNumbersFrom13To19() {
        for (String prefix : new String[] {"13", "14", "15", "16", "17", "18", "19"}) {
            PhoneNumber phone = PhoneNumber.of(prefix + "812345678");

            assertThat(phone.value()).isEqualTo(prefix + "812345678");
            assertThat(phone.isMobile()).isTrue();
            assertThat(phone.areaCode()).isEmpty();
        }
    }

    @Test
    void rejectsMobileNumbersFrom10To12() {
        for (String prefix : new String[] {"10", "11", "12"}) {
            assertRejected(() -> PhoneNumber.of(prefix + "812345678"), "phone.number.format")
                    .hasMessage("请输入正确的手机号码或固定电话号码");
        }
    }

    @Test
    void stripsTheCountryCodeSpacesAndDashes() {
        PhoneNumber expected = new PhoneNumber("13812345678");

        assertThat(PhoneNumber.of("+86 138 1234 5678")).isEqualTo(expected);
        assertThat(PhoneNumber.of("+8613812345678")).isEqualTo(expected);
        assertThat(PhoneNumber.of("8613812345678")).isEqualTo(expected);
        assertThat(PhoneNumber.of("0086-138-1234-5678")).isEqualTo(expected);
        assertThat(PhoneNumber.of("138-1234-5678")).isEqualTo(expected);
        assertThat(PhoneNumber.of("＋８６　１３８１２３４５６７８")).isEqualTo(expected);
    }

    @Test
    void rejectsMobileNumbersOfTheWrongLength() {
        assertRejected(() -> PhoneNumber.of("1381234567"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("138123456789"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("+86 1381234567"), "phone.number.format");
    }

    @Test
    void rejectsLettersAndOtherCountryCodes() {
        assertRejected(() -> PhoneNumber.of("1381234567a"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("+85291234567"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("+1 2025550123"), "phone.number.format");
    }

    @Test
    void rejectsBlankInput() {
        assertRejected(() -> PhoneNumber.of(null), "phone.number.blank").hasMessage("电话号码不能为空");
        assertRejected(() -> PhoneNumber.of(" \u3000"), "phone.number.blank");
        assertRejected(() -> new PhoneNumber(""), "phone.number.blank");
    }

    @Test
    void keepsTheSplitOfALandlineWrittenWithADashOrSpace() {
        assertThat(PhoneNumber.of("010-12345678").value()).isEqualTo("010-12345678");
        assertThat(PhoneNumber.of("0755 1234567").value()).isEqualTo("0755-1234567");
        assertThat(PhoneNumber.of("(021) 87654321").value()).isEqualTo("021-87654321");
        assertThat(PhoneNumber.of("０５９１－８７６５４３２１").value()).isEqualTo("0591-87654321");
    }

    @Test
    void splitsALandlineWithoutDashByTheNationalAreaCodes() {
        assertThat(PhoneNumber.of("01012345678").value()).isEqualTo("010-12345678");
        assertThat(PhoneNumber.of("02887654321").value()).isEqualTo("028-87654321");
        assertThat(PhoneNumber.of("075512345678").value()).isEqualTo("0755-12345678");
        assertThat(PhoneNumber.of("07551234567").value()).isEqualTo("0755-1234567");
        assertThat(PhoneNumber.of("0755 1234 5678").value()).isEqualTo("0755-12345678");
    }

    @Test
    void tellsALandlineFromAMobile() {
        PhoneNumber landline = PhoneNumber.of("010-12345678");

        assertThat(landline.isMobile()).isFalse();
        assertThat(landline.areaCode()).contains("010");
    }

    @Test
    void rejectsLandlinesWithTooShortOrTooLongLocalNumbers() {
        assertRejected(() -> PhoneNumber.of("010-123456"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("010-123456789"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("010123456789"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("0755123456"), "phone.number.format");
    }

    @Test
    void rejectsAreaCodesThatDoNotStartWithASingleZero() {
        assertRejected(() -> PhoneNumber.of("001-12345678"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("10-12345678"), "phone.number.format");
        assertRejected(() -> PhoneNumber.of("07-12345678"), "phone.number.format");
    }

    @Test
    void acceptsOnlyTheCanonicalFormInTheConstructor() {
        assertThat(new PhoneNumber("010-12345678").value()).isEqualTo("010-12345678");
        assertRejected(() -> new PhoneNumber("01012345678"), "phone.number.format");
        assertRejected(() -> new PhoneNumber("138 1234 5678"), "phone.number.format");
        assertRejected(() -> new PhoneNumber("+8613812345678"), "phone.number.format");
    }

    @Test
    void masksAMobileToTheFirstThreeAndLastFourDigits() {
        assertThat(PhoneNumber.of("13812341234").masked()).isEqualTo("138****1234");
    }

    @Test
    void masksALandlineToTheAreaCodeAndLastTwoDigits() {
        assertThat(PhoneNumber.of("010-12345678").masked()).isEqualTo("010-******78");
        assertThat(PhoneNumber.of("0755-1234567").masked()).isEqualTo("0755-*****67");
    }

    @Test
    void neverPrintsTheFullNumber() {
        assertThat(PhoneNumber.of("13812341234")).hasToString("138****1234");
        assertThat(PhoneNumber.of("010-12345678")).hasToString("010-******78");
    }

    @Test
    void answersWhetherTextIsAValidNumberWithoutThrowing() {
        assertThat(PhoneNumber.isValid("138 1234 5678")).isTrue();
        assertThat(PhoneNumber.isValid("12345")).isFalse();
        assertThat(PhoneNumber.isValid(null)).isFalse();
    }
}
