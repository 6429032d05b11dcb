package org.yuxun.training.assessment;

import java.math.BigDecimal;

import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.Text;

/**
 * A score as a person types it into the grid or a spreadsheet cell: 0–100 with at most one decimal. Full-width
 * digits and points (common with Chinese input methods) are read as their half-width forms ({@link Text}).
 */
final class ScoreInput {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreInput() {
    }

    /** The score, or null for a blank input. */
    static BigDecimal parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Text.normalise(raw).replace(" ", "");
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("assessment.score.number", "成绩必须是数字");
        }
        return check(value);
    }

    /** A number read from a numeric spreadsheet cell. */
    static BigDecimal of(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new InvalidValueException("assessment.score.number", "成绩必须是数字");
        }
        return check(BigDecimal.valueOf(number));
    }

    private static BigDecimal check(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new InvalidValueException("assessment.score.range", "成绩应在 0 到 100 之间");
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 1) {
            throw new InvalidValueException("assessment.score.scale", "成绩最多保留一位小数");
        }
        return plain.setScale(1);
    }
}
