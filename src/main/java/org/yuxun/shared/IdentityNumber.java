package org.yuxun.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码) as printed on the resident identity card (居民身份证), defined by
 * GB 11643-1999: a six-digit address code (GB/T 2260), the birth date {@code YYYYMMDD}, a three-digit sequence
 * code whose last digit is odd for men and even for women, and a check character computed by ISO 7064:1983
 * MOD 11-2. Residence permits for Hong Kong, Macao and Taiwan residents use the same format with the address codes
 * 810000, 820000 and 830000, so the prefixes 81, 82 and 83 are accepted here; {@link PersonDocument} tells the
 * document types apart.
 *
 * <p>The canonical constructor accepts only the canonical form (upper-case {@code X}); {@link #of(String)} first
 * normalises what people type. {@link #toString()} returns the {@linkplain #masked() masked} form so a number
 * never reaches a log by accident; use {@link #value()} where the full number is really needed.
 *
 * @param value the 18-character number, upper-case {@code X} as check character
 */
public record IdentityNumber(String value) {

    /** Earliest birth date accepted: nobody alive was born earlier, and older dates are typing errors. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Birth dates are Beijing time, whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final int LENGTH = 18;

    private static final String NOUN = "身份证号码";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Set<String> PROVINCE_PREFIXES;

    static {
        Set<String> prefixes = new HashSet<>(RegionCode.PROVINCE_PREFIXES);
        prefixes.add("83");
        PROVINCE_PREFIXES = Set.copyOf(prefixes);
    }

    public IdentityNumber {
        validate(value, NOUN);
    }

    /**
     * Parses what a person typed or an Excel cell held: trims, converts full-width characters to half-width,
     * removes spaces between digit groups and upper-cases a trailing {@code x}.
     *
     * @throws InvalidValueException with code {@code identity.number.blank}, {@code .length}, {@code .characters},
     *     {@code .region}, {@code .birthDate} or {@code .checksum}
     */
    public static IdentityNumber of(String raw) {
        return new IdentityNumber(normalise(raw));
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

    /** The birth date encoded in characters 7–14. */
    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    /** The sex encoded in the 17th digit: odd is male, even is female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The six-digit address code (GB/T 2260) of where the number was first issued. */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** First 6 and last 4 characters with 8 asterisks between, for example {@code 110101********123X}. */
    public String masked() {
        return Masking.maskMiddle(value, 6, 4);
    }

    /** The {@linkplain #masked() masked} number, never the full one. */
    @Override
    public String toString() {
        return masked();
    }

    static String normalise(String raw) {
        String compact = Text.compact(raw);
        return compact == null ? null : compact.replace('x', 'X');
    }

    /**
     * Checks the canonical form; {@code noun} names the document in messages ("身份证号码", "居住证号码").
     * Messages never contain the number itself.
     */
    static void validate(String value, String noun) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("identity.number.blank", noun + "不能为空");
        }
        if (value.length() != LENGTH) {
            throw new InvalidValueException("identity.number.length",
                    noun + "应为18位，当前为" + value.length() + "位", value.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(value.charAt(i))) {
                throw characters(noun);
            }
        }
        char last = value.charAt(LENGTH - 1);
        if (!isDigit(last) && last != 'X') {
            throw characters(noun);
        }
        if (!PROVINCE_PREFIXES.contains(value.substring(0, 2))) {
            throw new InvalidValueException("identity.number.region", noun + "前两位不是有效的省级行政区划代码");
        }
        LocalDate birthDate = parseBirthDate(value);
        if (birthDate == null
                || birthDate.isBefore(EARLIEST_BIRTH_DATE)
                || birthDate.isAfter(LocalDate.now(CHINA))) {
            throw new InvalidValueException("identity.number.birthDate", noun + "中的出生日期（第7至14位）无效");
        }
        if (checkCharacter(value.substring(0, LENGTH - 1)) != last) {
            throw new InvalidValueException("identity.number.checksum", noun + "校验位不正确");
        }
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = first17.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("expected 17 digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate parseBirthDate(String value) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static InvalidValueException characters(String noun) {
        return new InvalidValueException("identity.number.characters",
                noun + "只能由17位数字和1位校验码（数字或X）组成");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
