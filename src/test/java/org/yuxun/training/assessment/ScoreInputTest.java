package org.yuxun.training.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.InvalidValueException;

class ScoreInputTest {

    @Test
    void readsFullWidthDigitsAndPoint() {
        assertThat(ScoreInput.parse("８５．５")).isEqualByComparingTo("85.5");
        assertThat(ScoreInput.parse("　９０ ")).isEqualByComparingTo("90");
    }

    @Test
    void blankIsNoScore() {
        assertThat(ScoreInput.parse("  ")).isNull();
        assertThat(ScoreInput.parse(null)).isNull();
    }

    @Test
    void refusesTextOutOfRangeAndTooManyDecimalsWithTheirCodes() {
        assertThatThrownBy(() -> ScoreInput.parse("优秀")).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "assessment.score.number");
        assertThatThrownBy(() -> ScoreInput.parse("101")).hasFieldOrPropertyWithValue("code", "assessment.score.range");
        assertThatThrownBy(() -> ScoreInput.parse("-1")).hasFieldOrPropertyWithValue("code", "assessment.score.range");
        assertThatThrownBy(() -> ScoreInput.parse("85.25")).hasFieldOrPropertyWithValue("code",
                "assessment.score.scale");
    }

    @Test
    void acceptsNumericCellsWithOneDecimal() {
        assertThat(ScoreInput.of(72.5)).isEqualByComparingTo("72.5");
        assertThat(ScoreInput.of(100.0)).isEqualByComparingTo("100");
    }
}
