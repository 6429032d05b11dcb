package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsTheFirstCharacterOfANameAndStarsTheRest() {
        assertThat(Masking.maskName("张三")).isEqualTo("张*");
        assertThat(Masking.maskName("张三丰")).isEqualTo("张**");
        assertThat(Masking.maskName("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void starsAOneCharacterName() {
        assertThat(Masking.maskName("张")).isEqualTo("*");
    }

    @Test
    void countsCharactersOutsideTheBasicPlaneOnce() {
        assertThat(Masking.maskName("𠮷野家")).isEqualTo("𠮷**");
        assertThat(Masking.maskName("王𠮷")).isEqualTo("王*");
    }

    @Test
    void masksNamesWithAMiddleDotOrLatinLetters() {
        assertThat(Masking.maskName("阿卜杜拉·艾尼")).isEqualTo("阿******");
        assertThat(Masking.maskName(" Anna ")).isEqualTo("A***");
    }

    @Test
    void leavesMissingNamesAlone() {
        assertThat(Masking.maskName(null)).isNull();
        assertThat(Masking.maskName("  ")).isEmpty();
    }

    @Test
    void masksAnIdentityNumberLikeTheValueObject() {
        assertThat(Masking.maskIdentity("11010119900318123X")).isEqualTo("110101********123X");
        assertThat(Masking.maskIdentity("11010119900318123X"))
                .isEqualTo(IdentityNumber.of("11010119900318123X").masked());
    }

    @Test
    void normalisesAnIdentityNumberBeforeMasking() {
        assertThat(Masking.maskIdentity(" １１０１０１１９９００３１８１２３ｘ ")).isEqualTo("110101********123X");
    }

    @Test
    void masksInvalidOrOldIdentityNumbersAllTheSame() {
        assertThat(Masking.maskIdentity("110101199003181230")).isEqualTo("110101********1230");
        assertThat(Masking.maskIdentity("110101900318123")).isEqualTo("110101*****8123");
        assertThat(Masking.maskIdentity("E12345678")).isEqualTo("E1*****78");
        assertThat(Masking.maskIdentity("1234")).isEqualTo("****");
        assertThat(Masking.maskIdentity(null)).isNull();
    }

    @Test
    void masksAMobileNumberWrittenAnyWay() {
        assertThat(Masking.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.maskPhone("+86 138-1234-1234")).isEqualTo("138****1234");
        assertThat(Masking.maskPhone("１３８１２３４１２３４")).isEqualTo("138****1234");
    }

    @Test
    void masksALandlineNumber() {
        assertThat(Masking.maskPhone("01012345678")).isEqualTo("010-******78");
    }

    @Test
    void stillMasksAnInvalidPhoneNumber() {
        assertThat(Masking.maskPhone("12345678")).isEqualTo("12****78");
        assertThat(Masking.maskPhone("123")).isEqualTo("***");
        assertThat(Masking.maskPhone(null)).isNull();
    }

    @Test
    void keepsTheRequestedEndsAndStarsTheMiddle() {
        assertThat(Masking.maskMiddle("abcdefgh", 2, 3)).isEqualTo("ab***fgh");
        assertThat(Masking.maskMiddle("abcdefgh", 0, 2)).isEqualTo("******gh");
        assertThat(Masking.maskMiddle("abcdefgh", 8, 0)).isEqualTo("********");
        assertThat(Masking.maskMiddle("abc", 2, 2)).isEqualTo("***");
        assertThat(Masking.maskMiddle("", 2, 2)).isEmpty();
        assertThat(Masking.maskMiddle(null, 2, 2)).isNull();
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> Masking.maskMiddle("abc", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
