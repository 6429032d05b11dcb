package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yuxun.shared.InvalidValueException;

class PersonNameTest {

    @Test
    void normalisesSpacesAndFullWidthForms() {
        assertThat(PersonName.of("  张　三 ").value()).isEqualTo("张 三");
        assertThat(PersonName.of("John\t SMITH").value()).isEqualTo("John SMITH");
    }

    @Test
    void writesMiddleDotVariantsAsTheMiddleDot() {
        assertThat(PersonName.of("阿依古丽•买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.of("阿依古丽・买买提").value()).isEqualTo("阿依古丽·买买提");
    }

    @Test
    void acceptsARareCharacterOutsideTheBasicPlaneAndCountsItOnce() {
        PersonName name = PersonName.of("陈𠮷祥");

        assertThat(name.value()).isEqualTo("陈𠮷祥");
        assertThat(name.value().codePointCount(0, name.value().length())).isEqualTo(3);
    }

    @Test
    void acceptsFiftyCharactersAndRefusesFiftyOne() {
        assertThat(PersonName.of("𠮷".repeat(50)).value()).hasSize(100);

        assertThatThrownBy(() -> PersonName.of("张".repeat(51)))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "person.name.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "　"})
    void refusesABlankName(String raw) {
        assertThatThrownBy(() -> PersonName.of(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "person.name.blank")
                .hasMessage("请填写姓名");
    }

    @Test
    void refusesANullName() {
        assertThatThrownBy(() -> PersonName.of(null))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "person.name.blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三1", "张三@", "11010519491231002X", "王<b>", "李_四"})
    void refusesDigitsAndSymbols(String raw) {
        assertThatThrownBy(() -> PersonName.of(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "person.name.characters")
                .hasMessageNotContaining(raw);
    }

    @Test
    void comparesLatinLettersIgnoringCase() {
        assertThat(PersonName.of("John Smith").sameAs("JOHN SMITH")).isTrue();
        assertThat(PersonName.of("张三").sameAs("张三")).isTrue();
        assertThat(PersonName.of("张三").sameAs("张叁")).isFalse();
        assertThat(PersonName.of("张三").sameAs(null)).isFalse();
    }
}
