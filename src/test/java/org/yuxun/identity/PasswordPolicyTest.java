package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yuxun.shared.InvalidInput;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersWithLettersAndDigits() {
        assertThatCode(() -> PasswordPolicy.check("password", "Yuxun@2026", "college-admin")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "abcdefgh12", "admin")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource({
            "'', password.blank",
            "Short2026, password.length",
            "abcdefghij, password.lettersAndDigits",
            "1234567890, password.lettersAndDigits",
            "'Spaces 2026x', password.characters",
            "密码密码密码密码2026, password.characters",
            "myZHOU2026pw, password.containsUsername"})
    void refuses(String password, String code) {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> PasswordPolicy.check("newPassword", password, "zhou"));
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("newPassword");
            assertThat(v.code()).isEqualTo(code);
        });
    }

    @Test
    void refusesMoreThanBcryptReads() {
        String tooLong = "a1".repeat(33);
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> PasswordPolicy.check("password", tooLong, "someone"));
        assertThat(refusal.violations().getFirst().code()).isEqualTo("password.length");
        assertThat(refusal.violations().getFirst().defaultMessage()).contains("密码长度");
    }
}
