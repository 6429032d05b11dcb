package org.yuxun.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.yuxun.shared.CreditCode;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.PhoneNumber;
import org.yuxun.shared.Text;

/**
 * Collects every refusal of one command before anything is written, so a form shows all its problems at once,
 * each at its field, and nothing is half-saved.
 */
public final class Checks {

    private final List<InvalidInput.Violation> violations = new ArrayList<>();

    /** Normalised text (full-width forms folded, spaces collapsed); {@code null} when blank and optional. */
    public String text(String field, String raw, int maxLength, boolean required) {
        String value = Text.normalise(raw);
        if (value == null || value.isEmpty()) {
            if (required) {
                refuse(field, "organization.field.required", "此项为必填项");
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            refuse(field, "organization.field.tooLong", "不能超过 " + maxLength + " 个字", maxLength);
        }
        return value;
    }

    /** A chosen value that must be present. */
    public <T> T present(String field, T value) {
        if (value == null) {
            refuse(field, "organization.field.required", "此项为必填项");
        }
        return value;
    }

    /** A GB 32100 code in canonical form; {@code null} when blank and optional. */
    public String creditCode(String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                refuse(field, "credit.code.blank", "统一社会信用代码不能为空");
            }
            return null;
        }
        return parse(field, () -> CreditCode.of(raw).value());
    }

    /** A phone number in canonical form; {@code null} when blank. */
    public String phone(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return parse(field, () -> PhoneNumber.of(raw).value());
    }

    /** A whole number in a range; {@code null} when absent and optional. */
    public Integer range(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                refuse(field, "organization.field.required", "此项为必填项");
            }
            return null;
        }
        if (value < min || value > max) {
            refuse(field, "organization.field.range", "应在 " + min + " 至 " + max + " 之间", min, max);
        }
        return value;
    }

    /** Runs a rule that refuses with {@link InvalidInput}, keeping its refusal with the others. */
    public <T> T check(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    public void refuse(String field, String code, String defaultMessage, Object... args) {
        violations.add(new InvalidInput.Violation(field, code, defaultMessage, args));
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** @throws InvalidInput with every refusal collected */
    public void done() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            violations.add(new InvalidInput.Violation(field, e.getCode(), e.getMessage(), e.getArgs()));
            return null;
        }
    }
}
