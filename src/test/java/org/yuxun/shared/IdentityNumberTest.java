package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.yuxun.shared.ValueAssertions.assertRejected;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentityNumberTest {

    /** The example printed in GB 11643-1999 itself. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";
    private static final String MALE = "110101199003071233";

    @Test
    void acceptsTheExampleFromTheStandard() {
        IdentityNumber number = new IdentityNumber(STANDARD_EXAMPLE);

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.sex()).isEqualTo(Sex.FEMALE);
        assertThat(number.regionPrefix()).isEqualTo("110105");
    }

    @Test
    void readsMaleFromAnOddSeventeenthDigit() {
        assertThat(new IdentityNumber(MALE).sex()).isEqualTo(Sex.MALE);
        assertThat(new IdentityNumber("110101199003071241").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void agreesWithTheDefiningFormOfMod112() {
        for (String first17 : new String[] {
            "11010119900307123", "44030620000229001", "65010220231130002", "11010119900318123"}) {
            String expected = IdentityNumberFixtures.withCheck(first17);
            assertThat(IdentityNumber.checkCharacter(first17)).isEqualTo(expected.charAt(17));
            assertThat(IdentityNumber.isValid(expected)).isTrue();
        }
    }

    @Test
    void masksAllButTheAddressCodeAndTheLastFourCharacters() {
        IdentityNumber number = new IdentityNumber("11010119900318123X");

        assertThat(number.masked()).isEqualTo("110101********123X");
    }

    @Test
    void neverPrintsTheFullNumber() {
        IdentityNumber number = new IdentityNumber("11010119900318123X");

        assertThat(number.toString()).isEqualTo("110101********123X");
        assertThat(String.valueOf(number)).doesNotContain("19900318");
    }

    @Test
    void normalisesFullWidthDigitsSpacesAndALowerCaseX() {
        IdentityNumber number = IdentityNumber.of(" １１０１０１ １９９００３１８ １２３ｘ ");

        assertThat(number.value()).isEqualTo("11010119900318123X");
        assertThat(IdentityNumber.of("11010119900318123x")).isEqualTo(new IdentityNumber("11010119900318123X"));
    }

    @Test
    void rejectsALowerCaseXInTheCanonicalConstructor() {
        assertRejected(() -> new IdentityNumber("11010119900318123x"), "identity.number.characters");
    }

    @Test
    void rejectsNullAndBlankInput() {
        assertRejected(() -> IdentityNumber.of(null), "identity.number.blank")
                .hasMessage("身份证号码不能为空");
        assertRejected(() -> IdentityNumber.of(" \u3000 "), "identity.number.blank");
        assertRejected(() -> new IdentityNumber(""), "identity.number.blank");
    }

    @Test
    void rejectsNumbersOfTheWrongLength() {
        assertRejected(() -> IdentityNumber.of("11010119900307123"), "identity.number.length")
                .hasMessage("身份证号码应为18位，当前为17位");
        assertRejected(() -> IdentityNumber.of("1101011990030712333"), "identity.number.length");
        assertRejected(() -> IdentityNumber.of("110101900307123"), "identity.number.length");
    }

    @Test
    void reportsTheLengthAsAnArgumentButNotTheNumber() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> IdentityNumber.of("11010119900307123"));

        assertThat(e.getArgs()).containsExactly(17);
        assertThat(e.getMessage()).doesNotContain("11010119900307123");
    }

    @Test
    void rejectsLettersOrSymbolsAmongTheDigits() {
        assertRejected(() -> IdentityNumber.of("1101011990030712A3"), "identity.number.characters")
                .hasMessage("身份证号码只能由17位数字和1位校验码（数字或X）组成");
        assertRejected(() -> IdentityNumber.of("X10101199003071233"), "identity.number.characters");
        assertRejected(() -> IdentityNumber.of("110101-19900307123"), "identity.number.characters");
        assertRejected(() -> IdentityNumber.of("11010119900307123Y"), "identity.number.characters");
    }

    @Test
    void acceptsEveryProvinceLevelPrefixIncludingThoseOfResidencePermits() {
        String[] prefixes = {
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83"};
        for (String prefix : prefixes) {
            String number = IdentityNumberFixtures.number(prefix + "0000", LocalDate.of(1985, 5, 12), "003");
            assertThat(IdentityNumber.isValid(number)).as(prefix).isTrue();
        }
    }

    @Test
    void rejectsPrefixesThatAreNoProvince() {
        for (String prefix : new String[] {"00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66",
            "70", "72", "80", "84", "90", "99"}) {
            String number = IdentityNumberFixtures.number(prefix + "0101", LocalDate.of(1985, 5, 12), "003");
            assertRejected(() -> IdentityNumber.of(number), "identity.number.region")
                    .hasMessage("身份证号码前两位不是有效的省级行政区划代码");
        }
    }

    @Test
    void rejectsBirthDatesThatAreNoCalendarDate() {
        for (String date : new String[] {"19900230", "19900001", "19901301", "19900100", "19900431", "19000229"}) {
            String number = IdentityNumberFixtures.withCheck("110101" + date + "123");
            assertRejected(() -> IdentityNumber.of(number), "identity.number.birthDate")
                    .hasMessage("身份证号码中的出生日期（第7至14位）无效");
        }
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
        IdentityNumber number = IdentityNumber.of("440306200002290017");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsBirthDatesBefore1900() {
        String number = IdentityNumberFixtures.number("110101", LocalDate.of(1899, 12, 31), "001");

        assertRejected(() -> IdentityNumber.of(number), "identity.number.birthDate");
    }

    @Test
    void acceptsTheFirstOfJanuary1900() {
        assertThat(IdentityNumber.of("110101190001010014").birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void rejectsBirthDatesInTheFuture() {
        LocalDate tomorrow = LocalDate.now(IdentityNumber.CHINA).plusDays(1);
        String number = IdentityNumberFixtures.number("110101", tomorrow, "001");

        assertRejected(() -> IdentityNumber.of(number), "identity.number.birthDate");
    }

    @Test
    void acceptsABabyBornToday() {
        LocalDate today = LocalDate.now(IdentityNumber.CHINA);
        String number = IdentityNumberFixtures.number("110101", today, "002");

        assertThat(IdentityNumber.of(number).birthDate()).isEqualTo(today);
    }

    @Test
    void rejectsNumberWithWrongCheckDigit() {
        assertRejected(() -> IdentityNumber.of("11010519491231002" + "1"), "identity.number.checksum")
                .hasMessage("身份证号码校验位不正确");
        assertRejected(() -> IdentityNumber.of(IdentityNumberFixtures.withWrongCheck(MALE)),
                "identity.number.checksum");
    }

    @Test
    void rejectsNumberWithTwoDigitsSwapped() {
        assertRejected(() -> IdentityNumber.of("110101199003071323"), "identity.number.checksum");
    }

    @Test
    void rejectsAnXThatIsNotTheCheckCharacter() {
        assertRejected(() -> IdentityNumber.of("11010119900307123X"), "identity.number.checksum");
    }

    @Test
    void answersWhetherTextIsAValidNumberWithoutThrowing() {
        assertThat(IdentityNumber.isValid("11010519491231002x")).isTrue();
        assertThat(IdentityNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdentityNumber.isValid(null)).isFalse();
        assertThat(IdentityNumber.isValid("")).isFalse();
    }

    @Test
    void equalsAnotherNumberWithTheSameValue() {
        assertThat(IdentityNumber.of("１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(new IdentityNumber(STANDARD_EXAMPLE))
                .hasSameHashCodeAs(new IdentityNumber(STANDARD_EXAMPLE));
    }

    @Test
    void labelsSexesInChinese() {
        assertThat(Sex.MALE.label()).isEqualTo("男");
        assertThat(Sex.FEMALE.label()).isEqualTo("女");
    }
}
