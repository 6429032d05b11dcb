package org.yuxun.shared;

/**
 * Normalises free text typed or pasted by people, above all cells read by the Excel import: Chinese input methods
 * easily produce full-width forms (全角), for example {@code １１０１０１} or {@code ｘ}, and the ideographic space
 * U+3000, which look right on screen but fail every check. The mapping follows the Unicode Halfwidth and Fullwidth
 * Forms block: U+FF01–U+FF5E are the full-width twins of ASCII U+0021–U+007E. That range also holds the
 * Chinese punctuation marks ，：；！？（）, which become their ASCII forms; 、。「」 lie outside it and stay.
 */
public final class Text {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private Text() {
    }

    /**
     * Converts full-width ASCII to half-width and the ideographic space to a space, collapses every run of
     * whitespace (including no-break and ideographic spaces, tabs, line breaks and other control characters, as
     * {@link String#trim()} treats them) to one space, and trims.
     *
     * @return the normalised text; {@code null} for {@code null}
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = halfWidth(text.charAt(i));
            if (isSpace(c)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@link #normalise} and then removes all remaining spaces: for codes people write in groups. */
    static String compact(String text) {
        String normalised = normalise(text);
        return normalised == null ? null : normalised.replace(" ", "");
    }

    /** Upper-cases ASCII letters only, so no other character can turn into an accepted one. */
    static String asciiUpperCase(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static char halfWidth(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
            return (char) (c - FULL_WIDTH_OFFSET);
        }
        return c == IDEOGRAPHIC_SPACE ? ' ' : c;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
