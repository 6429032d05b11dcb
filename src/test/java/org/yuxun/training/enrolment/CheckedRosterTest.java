package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yuxun.shared.DocumentType;
import org.yuxun.training.EnrolmentPriorityGroup;

class CheckedRosterTest {

    private static final String NUMBER = "11010519491231002X";

    @TempDir
    Path temp;

    private final CheckedRoster roster = new CheckedRoster(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void keepsTheCheckedRowsForTheEnrollingJobExactlyAsTheCheckFoundThem() {
        Path upload = temp.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.xlsx");
        List<RosterValidator.ValidRow> rows = List.of(row(2, NUMBER, "13812345678", "宁波某厂"),
                row(5, "A1234567", null, null));

        roster.write(upload, rows);

        assertThat(roster.read(upload)).contains(rows);
    }

    @Test
    void storesNoIdentityNumberOrPhoneInPlainAndReadsNothingForAnUploadWithoutRows() throws Exception {
        Path upload = temp.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.xlsx");
        roster.write(upload, List.of(row(2, NUMBER, "13812345678", null)));

        String stored = new String(Files.readAllBytes(CheckedRoster.beside(upload)), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(NUMBER, "13812345678");
        assertThat(roster.read(temp.resolve("7c9e6679-7425-40de-944b-e07fc1f90ae7.xlsx"))).isEmpty();
        CheckedRoster.delete(upload);
        assertThat(CheckedRoster.beside(upload)).doesNotExist();
    }

    @Test
    void refusesRowsAlteredOrMovedToAnotherUpload() throws Exception {
        Path upload = temp.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.xlsx");
        roster.write(upload, List.of(row(2, NUMBER, "13812345678", null)));
        Path other = temp.resolve("7c9e6679-7425-40de-944b-e07fc1f90ae7.xlsx");
        Files.copy(CheckedRoster.beside(upload), CheckedRoster.beside(other));

        assertThatThrownBy(() -> roster.read(other)).isInstanceOf(IllegalStateException.class);

        byte[] bytes = Files.readAllBytes(CheckedRoster.beside(upload));
        bytes[bytes.length - 20] ^= 1;
        Files.write(CheckedRoster.beside(upload), bytes);
        assertThatThrownBy(() -> roster.read(upload)).isInstanceOf(IllegalStateException.class);
    }

    private static RosterValidator.ValidRow row(int row, String number, String phone, String employer) {
        DocumentType type = number.length() == 18 ? DocumentType.RESIDENT_ID_CARD : DocumentType.PASSPORT;
        return new RosterValidator.ValidRow(row, new Learners.Details("王小明", type, number, phone),
                EnrolmentPriorityGroup.NONE, employer, type.name() + ":" + number);
    }
}
