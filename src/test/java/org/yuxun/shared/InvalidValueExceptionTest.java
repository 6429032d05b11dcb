package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

    @Test
    void carriesCodeDefaultMessageAndArguments() {
        InvalidValueException e = new InvalidValueException("identity.number.length", "身份证号码应为18位", 17);

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getCode()).isEqualTo("identity.number.length");
        assertThat(e.getMessage()).isEqualTo("身份证号码应为18位");
        assertThat(e.getArgs()).containsExactly(17);
    }

    @Test
    void hasNoArgumentsWhenNoneAreGiven() {
        InvalidValueException e = new InvalidValueException("x.y", "错误");

        assertThat(e.getArgs()).isEmpty();
    }

    @Test
    void doesNotLetCallersChangeItsArguments() {
        Object[] args = {1};
        InvalidValueException e = new InvalidValueException("x.y", "错误", args);

        args[0] = 2;
        e.getArgs()[0] = 3;

        assertThat(e.getArgs()).containsExactly(1);
    }

    @Test
    void requiresACode() {
        assertThatThrownBy(() -> new InvalidValueException(" ", "错误"))
                .isNotInstanceOf(InvalidValueException.class)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
