package org.yuxun.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.yuxun.shared.InvalidInput;

/**
 * What a password must be, wherever one is set (a new account, a reset, a change): at least {@value #MIN_LENGTH}
 * characters with both letters and digits, so that it resists guessing (the lockout stops online guessing, the
 * length offline guessing of a stolen hash), and not containing the username, the first thing an attacker tries.
 * Printable ASCII only, since users in China often type on devices whose input method would otherwise change a
 * character they cannot see; and at most {@value #MAX_LENGTH} characters, because BCrypt reads only 72 bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    /**
     * Refuses a password that breaks the policy, at the given form field.
     *
     * @throws InvalidInput with code {@code password.blank}, {@code .length}, {@code .characters},
     *     {@code .lettersAndDigits} or {@code .containsUsername}
     */
    public static void check(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, "password.blank", "请输入密码");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new InvalidInput(field, "password.length", "密码长度应为 {0} 至 {1} 个字符", MIN_LENGTH, MAX_LENGTH);
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInput(field, "password.characters", "密码只能包含英文字母、数字和半角符号，不能有空格");
            }
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= c >= '0' && c <= '9';
        }
        if (!letter || !digit) {
            throw new InvalidInput(field, "password.lettersAndDigits", "密码须同时包含字母和数字");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
            throw new InvalidInput(field, "password.containsUsername", "密码不能包含用户名");
        }
    }
}
