package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Sex;

class RegisterPersonTest {

    @Test
    void normalisesWhatPeopleType() {
        RegisterPerson.Validated valid = new RegisterPerson(DocumentType.RESIDENT_ID_CARD, " 110105 19491231 002x ",
                "张 三", "+86 138-1234-5678").validate();

        assertThat(valid.document().number()).isEqualTo("11010519491231002X");
        assertThat(valid.document().identityNumber().orElseThrow().sex()).isEqualTo(Sex.FEMALE);
        assertThat(valid.name().value()).isEqualTo("张 三");
        assertThat(valid.phone().value()).isEqualTo("13812345678");
    }

    @Test
    void thePhoneIsOptional() {
        assertThat(new RegisterPerson(DocumentType.PASSPORT, "e1234567", "John Smith", " ").validate().phone())
                .isNull();
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        RegisterPerson command = new RegisterPerson(DocumentType.RESIDENT_ID_CARD, "110105194912310021", "",
                "12345");

        assertThatThrownBy(command::validate)
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field, InvalidInput.Violation::code)
                        .containsExactly(
                                tuple("documentNumber", "identity.number.checksum"),
                                tuple("name", "person.name.blank"),
                                tuple("phone", "phone.number.format")));
    }

    @Test
    void aMissingDocumentTypeIsReportedAtItsField() {
        assertThatThrownBy(() -> new RegisterPerson(null, "110105194912310021", "张三", null).validate())
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field)
                        .isEqualTo(List.of("documentType")));
    }

    @Test
    void neverPrintsTheNumberOrPhone() {
        RegisterPerson command = new RegisterPerson(DocumentType.RESIDENT_ID_CARD, "11010519491231002X", "张三",
                "13812345678");

        assertThat(command.toString()).doesNotContain("11010519491231002X").doesNotContain("13812345678");
    }
}
