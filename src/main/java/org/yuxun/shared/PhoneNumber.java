package org.yuxun.shared;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China phone number: a mobile number of 11 digits starting {@code 13}–{@code 19} (the numbering plan of
 * the Ministry of Industry and Information Technology, 《电信网编号计划》), or a landline of a 3- or 4-digit area
 * code starting with 0 and a 7- or 8-digit local number. In the national plan only Beijing (010) and the 02X
 * areas have 3-digit area codes, which is how a landline written without a dash is split.
 *
 * <p>The canonical value is the 11 bare digits for a mobile ({@code 13812345678}) and {@code area-local} for a
 * landline ({@code 010-12345678}). {@link #toString()} returns the {@linkplain #masked() masked} form so a number
 * never reaches a log by accident.
 *
 * @param value the canonical number
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("(0[1-9][0-9]{1,2})-([0-9]{7,8})");
    private static final Pattern MOBILE_WITH_COUNTRY_CODE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9][0-9]{9})");
    private static final Pattern LANDLINE_DIGITS = Pattern.compile("0[1-9][0-9]{8,10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()-]+");
    private static final Pattern EDGE_DASH = Pattern.compile("^-|-$");

    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("phone.number.blank", "电话号码不能为空");
        }
        if (!MOBILE.matcher(value).matches() && !LANDLINE.matcher(value).matches()) {
            throw format();
        }
    }

    /**
     * Parses what a person typed or an Excel cell held: converts full-width characters, accepts a leading
     * {@code +86}, {@code 0086} or {@code 86} before a mobile number, and ignores spaces, dashes and brackets. A
     * landline keeps the split the writer gave ({@code 010-12345678}, {@code (010) 12345678}); without one, 010
     * and 02X take a 3-digit area code and all others a 4-digit one.
     *
     * @throws InvalidValueException with code {@code phone.number.blank} or {@code phone.number.format}
     */
    public static PhoneNumber of(String raw) {
        String text = Text.normalise(raw);
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException("phone.number.blank", "电话号码不能为空");
        }
        String grouped = EDGE_DASH.matcher(SEPARATORS.matcher(text).replaceAll("-")).replaceAll("");
        if (LANDLINE.matcher(grouped).matches()) {
            return new PhoneNumber(grouped);
        }
        String digits = grouped.replace("-", "");
        Matcher mobile = MOBILE_WITH_COUNTRY_CODE.matcher(digits);
        if (mobile.matches()) {
            return new PhoneNumber(mobile.group(1));
        }
        if (LANDLINE_DIGITS.matcher(digits).matches()) {
            int areaLength = digits.startsWith("01") || digits.startsWith("02") ? 3 : 4;
            return new PhoneNumber(digits.substring(0, areaLength) + "-" + digits.substring(areaLength));
        }
        throw format();
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

    /** Whether this is a mobile number (which can receive SMS). */
    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    /** The area code of a landline, for example {@code 010}; empty for a mobile number. */
    public Optional<String> areaCode() {
        return isMobile() ? Optional.empty() : Optional.of(value.substring(0, value.indexOf('-')));
    }

    /**
     * A mobile keeps the first 3 and last 4 digits ({@code 138****5678}); a landline keeps its area code and the
     * last 2 digits ({@code 010-******78}).
     */
    public String masked() {
        if (isMobile()) {
            return Masking.maskMiddle(value, 3, 4);
        }
        int dash = value.indexOf('-');
        return value.substring(0, dash + 1) + Masking.maskMiddle(value.substring(dash + 1), 0, 2);
    }

    /** The {@linkplain #masked() masked} number, never the full one. */
    @Override
    public String toString() {
        return masked();
    }

    private static InvalidValueException format() {
        return new InvalidValueException("phone.number.format", "请输入正确的手机号码或固定电话号码");
    }
}
