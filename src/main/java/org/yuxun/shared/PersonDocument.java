package org.yuxun.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity document a person registers with. The resident identity card and the residence permits for Hong Kong,
 * Macao and Taiwan residents all carry a GB 11643-1999 number (see {@link IdentityNumber}); the permits are told
 * apart by their address code, which is 810000 (Hong Kong) or 820000 (Macao) for 港澳居民居住证 and 830000 for
 * 台湾居民居住证 (国务院办公厅《港澳台居民居住证申领发放办法》, 2018). Passport numbers follow no single format (ICAO Doc 9303
 * gives them 9 characters in the machine-readable zone, with an overflow for longer ones), so only 5–17 letters
 * and digits are required.
 *
 * <p>The canonical constructor accepts only the canonical form; {@link #of(DocumentType, String)} normalises what
 * people type first. {@link #toString()} shows the number {@linkplain #masked() masked}.
 *
 * @param type the kind of document
 * @param number the document number in canonical form
 */
public record PersonDocument(DocumentType type, String number) {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final int OTHER_MAX_LENGTH = 32;
    private static final String PERMIT_NOUN = "居住证号码";

    public PersonDocument {
        if (type == null) {
            throw new InvalidValueException("person.document.type.required", "请选择证件类型");
        }
        if (number == null || number.isBlank()) {
            throw new InvalidValueException("person.document.number.blank", "证件号码不能为空");
        }
        switch (type) {
            case RESIDENT_ID_CARD -> {
                IdentityNumber.validate(number, "身份证号码");
                if (number.startsWith("81") || number.startsWith("82") || number.startsWith("83")) {
                    throw new InvalidValueException("person.document.residentIdCard.region",
                            "居民身份证号码不能以81、82或83开头，港澳台居民请选择相应的居住证");
                }
            }
            case HK_MACAO_RESIDENCE_PERMIT -> {
                IdentityNumber.validate(number, PERMIT_NOUN);
                if (!number.startsWith("810000") && !number.startsWith("820000")) {
                    throw new InvalidValueException("person.document.hkMacaoPermit.region",
                            "港澳居民居住证号码应以810000或820000开头");
                }
            }
            case TAIWAN_RESIDENCE_PERMIT -> {
                IdentityNumber.validate(number, PERMIT_NOUN);
                if (!number.startsWith("830000")) {
                    throw new InvalidValueException("person.document.taiwanPermit.region",
                            "台湾居民居住证号码应以830000开头");
                }
            }
            case PASSPORT -> {
                if (!PASSPORT.matcher(number).matches()) {
                    throw new InvalidValueException("person.document.passport.format", "护照号码应为5至17位字母或数字");
                }
            }
            case OTHER -> {
                if (number.codePointCount(0, number.length()) > OTHER_MAX_LENGTH) {
                    throw new InvalidValueException("person.document.other.length",
                            "证件号码不能超过32个字符", OTHER_MAX_LENGTH);
                }
            }
        }
    }

    /**
     * Normalises what a person typed or an Excel cell held, then validates. Every type has full-width characters
     * converted and surrounding space trimmed; identity-number types and passports also lose inner spaces and are
     * upper-cased ({@code x} → {@code X}); other documents keep single inner spaces and their case.
     *
     * @throws InvalidValueException with code {@code person.document.*}, or {@code identity.number.*} for the
     *     identity card and the residence permits
     */
    public static PersonDocument of(DocumentType type, String raw) {
        String number = type == DocumentType.OTHER
                ? Text.normalise(raw)
                : Text.asciiUpperCase(Text.compact(raw));
        return new PersonDocument(type, number);
    }

    /** Whether {@link #of(DocumentType, String)} accepts the input. */
    public static boolean isValid(DocumentType type, String raw) {
        try {
            of(type, raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * The GB 11643-1999 number, with its birth date and sex, for the identity card and the residence permits;
     * empty for passports and other documents.
     */
    public Optional<IdentityNumber> identityNumber() {
        return type.usesIdentityNumber() ? Optional.of(new IdentityNumber(number)) : Optional.empty();
    }

    /**
     * Identity card and residence permits: first 6 and last 4 characters with 8 asterisks between
     * ({@code 810000********123X}); passports and other documents: first 2 and last 2 with asterisks between
     * ({@code E1*****78}), or only asterisks when the number has 4 characters or fewer.
     */
    public String masked() {
        return type.usesIdentityNumber() ? Masking.maskMiddle(number, 6, 4) : Masking.maskMiddle(number, 2, 2);
    }

    /** Type and {@linkplain #masked() masked} number, never the full number. */
    @Override
    public String toString() {
        return "PersonDocument[type=" + type + ", number=" + masked() + "]";
    }
}
