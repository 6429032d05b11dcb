package org.yuxun.shared;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015《法人和其他组织统一社会信用代码编码规则》, the
 * identifier of every training institution, enterprise and authority. It has 18 characters drawn from
 * {@code 0-9} and the upper-case letters without I, O, S, V and Z: position 1 is the registration authority (for
 * example 1 机构编制, 5 民政, 9 工商, Y 其他), position 2 the organisation type, positions 3–8 the GB/T 2260
 * address code of the registering authority, positions 9–17 the organisation code (GB 11714) and position 18 a
 * check character: with the characters' values 0–30 and weights 3<sup>i</sup> mod 31
 * (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), the check value is 31 − (sum mod 31), where
 * 31 becomes 0.
 *
 * <p>Registration authority and type codes are not checked against a table, since new ones are added over time;
 * the character set and the check character catch typing errors.
 *
 * @param value the 18-character code, upper case
 */
public record CreditCode(String value) {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("credit.code.blank", "统一社会信用代码不能为空");
        }
        if (value.length() != LENGTH) {
            throw new InvalidValueException("credit.code.length",
                    "统一社会信用代码应为18位，当前为" + value.length() + "位", value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARACTERS.indexOf(value.charAt(i)) < 0) {
                throw new InvalidValueException("credit.code.characters",
                        "统一社会信用代码只能包含数字和除I、O、S、V、Z以外的大写字母");
            }
        }
        for (int i = 2; i < 8; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException("credit.code.region", "统一社会信用代码第3至8位应为行政区划代码（数字）");
            }
        }
        if (checkCharacter(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1)) {
            throw new InvalidValueException("credit.code.checksum", "统一社会信用代码校验位不正确");
        }
    }

    /**
     * Parses what a person typed or an Excel cell held: trims, converts full-width characters to half-width,
     * removes spaces and upper-cases letters.
     *
     * @throws InvalidValueException with code {@code credit.code.blank}, {@code .length}, {@code .characters},
     *     {@code .region} or {@code .checksum}
     */
    public static CreditCode of(String raw) {
        return new CreditCode(Text.asciiUpperCase(Text.compact(raw)));
    }

    /** Whether {@link #of(String)} accepts the input. */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** Position 1: the registration authority, for example {@code 9} for market regulation (工商). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Position 2: the organisation type within the registration authority, for example {@code 1} for 企业. */
    public char organisationType() {
        return value.charAt(1);
    }

    /** Positions 3–8: the GB/T 2260 address code of the registering authority. */
    public String regionPrefix() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The GB 32100-2015 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int digit = CHARACTERS.indexOf(first17.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("character outside the GB 32100 set");
            }
            sum += digit * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }
}
