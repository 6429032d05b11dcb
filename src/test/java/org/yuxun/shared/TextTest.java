package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void keepsNullAsNull() {
        assertThat(Text.normalise(null)).isNull();
    }

    @Test
    void trimsSurroundingSpace() {
        assertThat(Text.normalise("  张三\t")).isEqualTo("张三");
    }

    @Test
    void turnsBlankTextIntoEmptyText() {
        assertThat(Text.normalise(" \u3000\t ")).isEmpty();
    }

    @Test
    void convertsFullWidthDigitsAndLettersToHalfWidth() {
        assertThat(Text.normalise("１１０１０１１９９００３０７１２３ｘ")).isEqualTo("11010119900307123x");
        assertThat(Text.normalise("ＡＢＣ－ｚ")).isEqualTo("ABC-z");
    }

    @Test
    void convertsTheWholeFullWidthAsciiRange() {
        assertThat(Text.normalise("\uFF01")).isEqualTo("!");
        assertThat(Text.normalise("\uFF5E")).isEqualTo("~");
        assertThat(Text.normalise("（０１０）＠＃")).isEqualTo("(010)@#");
    }

    @Test
    void convertsFullWidthPunctuationInsideTheRangeButNotTheIdeographicFullStop() {
        assertThat(Text.normalise("北京市，海淀区：中关村！")).isEqualTo("北京市,海淀区:中关村!");
        assertThat(Text.normalise("海淀区。")).isEqualTo("海淀区。");
    }

    @Test
    void leavesCharactersOutsideTheFullWidthAsciiRangeAlone() {
        assertThat(Text.normalise("张三、李四「一」")).isEqualTo("张三、李四「一」");
        assertThat(Text.normalise("\uFF00\uFF5F\uFF65")).isEqualTo("\uFF00\uFF5F\uFF65");
    }

    @Test
    void turnsTheIdeographicSpaceIntoASpace() {
        assertThat(Text.normalise("欧阳\u3000娜娜")).isEqualTo("欧阳 娜娜");
    }

    @Test
    void collapsesRunsOfWhitespaceToOneSpace() {
        assertThat(Text.normalise("a  b\t\tc\r\nd\u00A0\u3000e")).isEqualTo("a b c d e");
    }

    @Test
    void removesEveryInnerSpaceWhenCompacting() {
        assertThat(Text.compact(" １１０１０１ 1990\u30000307 ")).isEqualTo("11010119900307");
        assertThat(Text.compact(null)).isNull();
    }

    @Test
    void upperCasesOnlyAsciiLetters() {
        assertThat(Text.asciiUpperCase("e12345x")).isEqualTo("E12345X");
        assertThat(Text.asciiUpperCase("\u0131ß")).isEqualTo("\u0131ß");
        assertThat(Text.asciiUpperCase(null)).isNull();
    }
}
