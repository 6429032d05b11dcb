package org.yuxun.shared;

import java.io.Serial;

/**
 * Thrown when a value object rejects its input. It carries a stable message key ({@link #getCode()}, for example
 * {@code identity.number.checksum}) so the web layer can look up a localised text, plus a default Chinese message
 * (the {@link #getMessage()}) shown when no translation exists. Messages and arguments never contain the rejected
 * value itself, so identity and phone numbers cannot leak into logs through an exception.
 */
public class InvalidValueException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Object[] NO_ARGS = {};

    private final String code;
    private final transient Object[] args;

    /**
     * @param code the message key, dotted, for example {@code phone.number.format}
     * @param defaultMessage natural Chinese text used when the key has no translation
     * @param args arguments for the message template, if any
     */
    public InvalidValueException(String code, String defaultMessage, Object... args) {
        super(defaultMessage);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        this.code = code;
        this.args = args == null ? NO_ARGS : args.clone();
    }

    /** The message key, for example {@code identity.number.checksum}. */
    public String getCode() {
        return code;
    }

    /** Arguments for the message template; empty when there are none. */
    public Object[] getArgs() {
        return args == null ? NO_ARGS : args.clone();
    }
}
