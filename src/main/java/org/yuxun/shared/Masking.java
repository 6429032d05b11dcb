package org.yuxun.shared;

import java.util.Locale;

/**
 * Masks personal information for display, as《个人信息保护法》(PIPL, art. 51: 去标识化) and GB/T 35273-2020
 *《信息安全技术 个人信息安全规范》(展示限制) ask: show only as much as the viewer needs to recognise the record. Identity
 * numbers keep the address code and the last four characters ({@code 110101********123X}), mobile numbers the
 * carrier prefix and the last four ({@code 138****1234}). The helpers never throw on malformed stored data: what
 * cannot be parsed is still masked.
 */
public final class Masking {

    private static final char STAR = '*';

    private Masking() {
    }

    /**
     * For public pages (公示名单): keeps the first character of a name and stars the rest, one star per character,
     * so {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}. A one-character name becomes {@code *}.
     * Within the platform, the product shows names in full.
     *
     * @return the masked name; {@code null} for {@code null}
     */
    public static String maskName(String name) {
        String normalised = Text.normalise(name);
        if (normalised == null || normalised.isEmpty()) {
            return normalised;
        }
        int length = normalised.codePointCount(0, normalised.length());
        if (length == 1) {
            return String.valueOf(STAR);
        }
        return maskMiddle(normalised, 1, 0);
    }

    /**
     * Masks an identity or residence-permit number: 18 (or the old 15) characters keep the first 6 and the last
     * 4; anything else keeps the first 2 and last 2. Full-width input and a lower-case {@code x} are normalised.
     *
     * @return the masked number; {@code null} for {@code null}
     */
    public static String maskIdentity(String number) {
        String compact = Text.compact(number);
        if (compact == null || compact.isEmpty()) {
            return compact;
        }
        compact = compact.toUpperCase(Locale.ROOT);
        int length = compact.codePointCount(0, compact.length());
        if (length == 18 || length == 15) {
            return maskMiddle(compact, 6, 4);
        }
        return maskMiddle(compact, 2, 2);
    }

    /**
     * Masks a phone number: a valid mobile or landline number as {@link PhoneNumber#masked()} does (so
     * {@code +86 138-1234-5678} → {@code 138****5678}); anything else keeps the first 2 and last 2 characters.
     *
     * @return the masked number; {@code null} for {@code null}
     */
    public static String maskPhone(String phone) {
        String compact = Text.compact(phone);
        if (compact == null || compact.isEmpty()) {
            return compact;
        }
        if (PhoneNumber.isValid(phone)) {
            return PhoneNumber.of(phone).masked();
        }
        return maskMiddle(compact, 2, 2);
    }

    /**
     * Keeps {@code keepStart} leading and {@code keepEnd} trailing characters and replaces each one between with
     * {@code *}. When the text is not longer than what would be kept, every character is starred, so a masked
     * value never shows a short value in full. Counts Unicode code points, not UTF-16 units.
     *
     * @return the masked text; {@code null} for {@code null}
     */
    public static String maskMiddle(String text, int keepStart, int keepEnd) {
        if (keepStart < 0 || keepEnd < 0) {
            throw new IllegalArgumentException("keepStart and keepEnd must not be negative");
        }
        if (text == null) {
            return null;
        }
        int[] codePoints = text.codePoints().toArray();
        int length = codePoints.length;
        boolean showEnds = length > keepStart + keepEnd;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < length; i++) {
            boolean keep = showEnds && (i < keepStart || i >= length - keepEnd);
            if (keep) {
                out.appendCodePoint(codePoints[i]);
            } else {
                out.append(STAR);
            }
        }
        return out.toString();
    }
}
