package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuxun.shared.ValueAssertions.assertRejected;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /** Codes published on business licences, each checked by hand against GB 32100-2015. */
    private static final String[] PUBLISHED = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T"};

    @Test
    void acceptsPublishedCodes() {
        for (String code : PUBLISHED) {
            assertThat(new CreditCode(code).value()).isEqualTo(code);
        }
    }

    @Test
    void computesTheCheckCharacterOfPublishedCodes() {
        for (String code : PUBLISHED) {
            assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
        }
    }

    @Test
    void computesTheCheckCharacterByHand() {
        // 1·9 + 3·1 + 9·1 + 27·1 + 19·0 + … + 28·0 = 48; 48 mod 31 = 17; 31 − 17 = 14 → "E"
        assertThat(CreditCode.checkCharacter("91110000000000000")).isEqualTo('E');
        // all zeros: sum 0, 31 − 0 = 31 → 0
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(CreditCode.isValid("911100000000000000")).isFalse();
        assertThat(CreditCode.isValid("91110000000000000E")).isTrue();
        assertThat(CreditCode.isValid("000000000000000000")).isTrue();
    }

    @Test
    void acceptsAYAsCheckCharacter() {
        String first17 = findPrefixWithCheck('Y');

        assertThat(CreditCode.isValid(first17 + "Y")).isTrue();
    }

    @Test
    void acceptsCodesGeneratedForEveryRegistrationAuthority() {
        for (String authority : new String[] {"11", "12", "51", "52", "53", "91", "92", "93", "Y1", "N1", "A1"}) {
            String first17 = authority + "440300" + "MA5EXAMP1";
            String code = first17 + CreditCode.checkCharacter(first17);
            CreditCode parsed = CreditCode.of(code);

            assertThat(parsed.registrationAuthority()).isEqualTo(authority.charAt(0));
            assertThat(parsed.organisationType()).isEqualTo(authority.charAt(1));
            assertThat(parsed.regionPrefix()).isEqualTo("440300");
        }
    }

    @Test
    void readsTheRegionOfTheRegisteringAuthority() {
        assertThat(CreditCode.of("91350100M000100Y43").regionPrefix()).isEqualTo("350100");
        assertThat(CreditCode.of("91110000802100433B").regionPrefix()).isEqualTo("110000");
    }

    @Test
    void printsTheFullCode() {
        assertThat(CreditCode.of("91350100M000100Y43")).hasToString("91350100M000100Y43");
    }

    @Test
    void normalisesFullWidthLowerCaseAndSpaces() {
        assertThat(CreditCode.of(" ９１３５０１００ｍ０００１００ｙ４３ ")).isEqualTo(new CreditCode("91350100M000100Y43"));
        assertThat(CreditCode.of("9135 0100 m000 100y 43")).isEqualTo(new CreditCode("91350100M000100Y43"));
    }

    @Test
    void rejectsBlankInput() {
        assertRejected(() -> CreditCode.of(null), "credit.code.blank").hasMessage("统一社会信用代码不能为空");
        assertRejected(() -> CreditCode.of("  "), "credit.code.blank");
    }

    @Test
    void rejectsCodesOfTheWrongLength() {
        assertRejected(() -> CreditCode.of("91350100M000100Y4"), "credit.code.length")
                .hasMessage("统一社会信用代码应为18位，当前为17位");
        assertRejected(() -> CreditCode.of("91350100M000100Y433"), "credit.code.length");
        // the old 9-character organisation code is no credit code
        assertRejected(() -> CreditCode.of("M000100Y4"), "credit.code.length");
    }

    @Test
    void rejectsTheLettersTheStandardLeavesOut() {
        for (char letter : new char[] {'I', 'O', 'S', 'V', 'Z'}) {
            assertRejected(() -> CreditCode.of("91350100M00010" + letter + "Y43"), "credit.code.characters")
                    .hasMessage("统一社会信用代码只能包含数字和除I、O、S、V、Z以外的大写字母");
        }
    }

    @Test
    void rejectsSymbolsAndLowerCaseInTheCanonicalConstructor() {
        assertRejected(() -> new CreditCode("91350100M000100Y4-"), "credit.code.characters");
        assertRejected(() -> new CreditCode("91350100m000100y43"), "credit.code.characters");
    }

    @Test
    void rejectsLettersWhereTheRegionCodeBelongs() {
        String first17 = "9135A100M000100Y4";
        String code = first17 + CreditCode.checkCharacter(first17);

        assertRejected(() -> CreditCode.of(code), "credit.code.region")
                .hasMessage("统一社会信用代码第3至8位应为行政区划代码（数字）");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertRejected(() -> CreditCode.of("91350100M000100Y44"), "credit.code.checksum")
                .hasMessage("统一社会信用代码校验位不正确");
        assertRejected(() -> CreditCode.of("91110000802100433C"), "credit.code.checksum");
    }

    @Test
    void rejectsEverySingleCharacterChangeOfAPublishedCode() {
        for (String code : PUBLISHED) {
            for (int position = 0; position < 18; position++) {
                for (char replacement : CreditCode.CHARACTERS.toCharArray()) {
                    if (replacement == code.charAt(position)) {
                        continue;
                    }
                    String mutated = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(CreditCode.isValid(mutated)).as(mutated).isFalse();
                }
            }
        }
    }

    @Test
    void rejectsTwoNeighbouringCharactersSwapped() {
        assertRejected(() -> CreditCode.of("91350100M001000Y43"), "credit.code.checksum");
    }

    private static String findPrefixWithCheck(char check) {
        for (int n = 0; n < 1000; n++) {
            String first17 = "91440300MA5" + String.format("%06d", n);
            if (CreditCode.checkCharacter(first17) == check) {
                return first17;
            }
        }
        throw new AssertionError("no prefix found");
    }
}
