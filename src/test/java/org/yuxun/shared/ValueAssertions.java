package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a value object rejects input with a given message key. */
final class ValueAssertions {

    private ValueAssertions() {
    }

    /** Asserts an {@link InvalidValueException} with the code; chain {@code hasMessage} to check the text. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ThrowingCallable action, String code) {
        return assertThatThrownBy(action)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getCode()).isEqualTo(code));
    }
}
