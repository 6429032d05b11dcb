package org.yuxun.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void wildcardsTypedByTheUserMatchOnlyThemselves() {
        assertThat(Like.contains(" 100%_合格 ")).isEqualTo("%100\\%\\_合格%");
    }

    @Test
    void theEscapeCharacterItselfIsEscaped() {
        assertThat(Like.startsWith("33\\01")).isEqualTo("33\\\\01%");
    }
}
