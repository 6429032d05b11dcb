package org.yuxun.people;

import java.util.Locale;

import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.Text;

/**
 * A person's name as on their identity document: 1 to 50 characters (counted as Unicode code points, so a name
 * with a rare character such as 𠮷 from CJK Extension B counts that character once, as PostgreSQL does). Letters of
 * any script are allowed, with the separators real names use: the middle dot of transcribed names
 * (阿依古丽·买买提), spaces, hyphens, apostrophes and full stops. Digits and other symbols are typing errors.
 *
 * @param value the normalised name
 */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 50;

    public PersonName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("person.name.blank", "请填写姓名");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("person.name.length", "姓名不能超过50个字", MAX_LENGTH);
        }
        if (!value.codePoints().allMatch(PersonName::allowed)) {
            throw new InvalidValueException("person.name.characters",
                    "姓名只能包含文字、间隔号（·）、空格、连字符和撇号");
        }
    }

    /**
     * Normalises what a person typed or an Excel cell held ({@link Text#normalise}: full-width forms, runs of
     * spaces) and writes the middle-dot variants that input methods produce (•, ・) as the middle dot ·.
     *
     * @throws InvalidValueException with code {@code person.name.blank}, {@code .length} or {@code .characters}
     */
    public static PersonName of(String raw) {
        String normalised = Text.normalise(raw);
        return new PersonName(normalised == null ? null
                : normalised.replace('\u2022', '\u00B7').replace('\u30FB', '\u00B7'));
    }

    /**
     * Whether two spellings name the same person on a document: equal apart from the case of Latin letters, which
     * passports print in capitals and people type in mixed case.
     */
    public boolean sameAs(String other) {
        return other != null && value.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean allowed(int c) {
        return Character.isLetter(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || c == ' ' || c == '\u00B7' || c == '-' || c == '\'' || c == '.';
    }
}
