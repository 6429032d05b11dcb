package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yuxun.shared.DocumentType;
import org.yuxun.training.EnrolmentPriorityGroup;

class RosterValidatorTest {

    @Test
    void normalisesFullWidthDigitsAndAcceptsTheRow() {
        RosterValidator validator = new RosterValidator();
        String number = EnrolmentFixture.identityNumber();
        validator.row(2, new String[] {"张　三", "居民身份证", fullWidth(number), "１３８ １２３４ ５６７８", "退役军人", null});
        RosterValidator.Result result = validator.finish(10, rows -> Map.of());
        assertThat(result.problems()).isEmpty();
        RosterValidator.ValidRow row = result.valid().getFirst();
        assertThat(row.details().documentNumber()).isEqualTo(number);
        assertThat(row.details().documentType()).isEqualTo(DocumentType.RESIDENT_ID_CARD);
        assertThat(row.details().phone()).isEqualTo("13812345678");
        assertThat(row.group()).isEqualTo(EnrolmentPriorityGroup.VETERAN);
    }

    @Test
    void namesEveryRowOfADuplicateDocument() {
        RosterValidator validator = new RosterValidator();
        String number = EnrolmentFixture.identityNumber();
        validator.row(2, row(number));
        validator.row(3, row(EnrolmentFixture.identityNumber()));
        validator.row(4, row(number.toLowerCase()));
        RosterValidator.Result result = validator.finish(10, rows -> Map.of());
        assertThat(result.valid()).extracting(RosterValidator.ValidRow::row).containsExactly(3);
        assertThat(result.problems()).extracting(RosterValidator.Problem::row).containsExactly(2, 4);
        assertThat(result.problems().getFirst().message()).isEqualTo("证件号码与第4行重复");
    }

    @Test
    void refusesRowsBeyondThePlacesLeft() {
        RosterValidator validator = new RosterValidator();
        for (int i = 2; i <= 5; i++) {
            validator.row(i, row(EnrolmentFixture.identityNumber()));
        }
        RosterValidator.Result result = validator.finish(2, rows -> Map.of());
        assertThat(result.valid()).hasSize(2);
        assertThat(result.problems()).extracting(RosterValidator.Problem::code)
                .containsOnly("enrolment.import.overCapacity");
    }

    @Test
    void reportsEachWrongCellWithItsColumn() {
        RosterValidator validator = new RosterValidator();
        validator.row(2, new String[] {null, "驾驶证", "123", "12345", "外星人", null});
        RosterValidator.Result result = validator.finish(10, rows -> Map.of());
        assertThat(result.valid()).isEmpty();
        assertThat(result.badRows()).isEqualTo(1);
        assertThat(result.problems()).extracting(RosterValidator.Problem::column)
                .contains("name", "documentType", "phone", "priorityGroup");
    }

    @Test
    void refusesAWrongChecksum() {
        RosterValidator validator = new RosterValidator();
        validator.row(2, row(EnrolmentFixture.withWrongCheck(EnrolmentFixture.identityNumber())));
        RosterValidator.Result result = validator.finish(10, rows -> Map.of());
        assertThat(result.problems()).extracting(RosterValidator.Problem::code)
                .containsExactly("identity.number.checksum");
    }

    private static String[] row(String number) {
        return new String[] {"李四", "居民身份证", number, "13912345678", null, null};
    }

    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append((char) (c >= '!' && c <= '~' ? c + 0xFEE0 : c)));
        return out.toString();
    }
}
