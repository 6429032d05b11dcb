package org.yuxun.shared;

import java.io.Serial;
import java.util.List;

/**
 * Input refused by a business rule, naming the field (or Excel column) it belongs to, so forms show the message
 * beside the field and the API lists it in the problem's {@code errors}. Nothing has been saved when it is thrown.
 */
public class InvalidInput extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One refused field: {@code field} may be null for a message about the whole form. */
    public record Violation(String field, String code, String defaultMessage, Object[] args) {
    }

    private final transient List<Violation> violations;

    public InvalidInput(String field, String code, String defaultMessage, Object... args) {
        this(List.of(new Violation(field, code, defaultMessage, args)));
    }

    public InvalidInput(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.getFirst().defaultMessage());
        this.violations = List.copyOf(violations);
    }

    /** The value object's own refusal, placed at a field. */
    public static InvalidInput at(String field, InvalidValueException e) {
        return new InvalidInput(field, e.getCode(), e.getMessage(), e.getArgs());
    }

    public List<Violation> violations() {
        return violations;
    }
}
