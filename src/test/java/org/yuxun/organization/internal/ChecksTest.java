package org.yuxun.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.CreditCode;
import org.yuxun.shared.InvalidInput;

class ChecksTest {

    @Test
    void normalisesTextAndTreatsBlankAsAbsent() {
        Checks checks = new Checks();
        assertThat(checks.text("name", "  浙江　育训  ", 100, true)).isEqualTo("浙江 育训");
        assertThat(checks.text("shortName", "   ", 40, false)).isNull();
        assertThat(checks.passed()).isTrue();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        Checks checks = new Checks();
        checks.text("name", "𠮷".repeat(3), 3, true);
        assertThat(checks.passed()).isTrue();
    }

    @Test
    void collectsEveryRefusalWithItsField() {
        Checks checks = new Checks();
        checks.text("name", "", 100, true);
        checks.text("address", "长".repeat(201), 200, false);
        checks.creditCode("creditCode", wrongCheckCharacter("91330106MA2B3C4D5"), false);
        checks.phone("contactPhone", "12345");
        checks.range("capacity", 0, 1, 100_000, false);
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, checks::done);
        assertThat(refusal.violations()).extracting(InvalidInput.Violation::field)
                .containsExactly("name", "address", "creditCode", "contactPhone", "capacity");
        assertThat(refusal.violations()).extracting(InvalidInput.Violation::code)
                .containsExactly("organization.field.required", "organization.field.tooLong", "credit.code.checksum",
                        "phone.number.format", "organization.field.range");
    }

    private static String wrongCheckCharacter(String first17) {
        char right = CreditCode.checkCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    @Test
    void returnsCanonicalCodesAndNumbers() {
        Checks checks = new Checks();
        assertThat(checks.phone("contactPhone", "+86 138 1234 5678")).isEqualTo("13812345678");
        String first17 = "91330106MA2B3C4D5";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(checks.creditCode("creditCode", " " + code.toLowerCase() + " ", true)).isEqualTo(code);
        assertThat(checks.passed()).isTrue();
    }
}
