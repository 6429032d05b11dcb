package org.yuxun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuxun.shared.ValueAssertions.assertRejected;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PersonDocumentTest {

    private static final String RESIDENT = "11010119900318123X";
    private static final String HONG_KONG = "810000198505120030";
    private static final String MACAO = "820000198505120040";
    private static final String TAIWAN = "830000199001010020";

    @Test
    void acceptsAResidentIdentityCard() {
        PersonDocument document = new PersonDocument(DocumentType.RESIDENT_ID_CARD, RESIDENT);

        assertThat(document.identityNumber()).contains(new IdentityNumber(RESIDENT));
    }

    @Test
    void appliesTheIdentityNumberRulesToTheIdentityCard() {
        assertRejected(() -> PersonDocument.of(DocumentType.RESIDENT_ID_CARD, "11010119900318123"),
                "identity.number.length");
        assertRejected(() -> PersonDocument.of(DocumentType.RESIDENT_ID_CARD, "110101199003181231"),
                "identity.number.checksum").hasMessage("身份证号码校验位不正确");
        assertRejected(() -> PersonDocument.of(DocumentType.RESIDENT_ID_CARD,
                IdentityNumberFixtures.withCheck("11010119900230123")), "identity.number.birthDate");
    }

    @Test
    void refusesAResidencePermitNumberAsIdentityCard() {
        for (String permit : new String[] {HONG_KONG, MACAO, TAIWAN}) {
            assertRejected(() -> PersonDocument.of(DocumentType.RESIDENT_ID_CARD, permit),
                    "person.document.residentIdCard.region")
                    .hasMessage("居民身份证号码不能以81、82或83开头，港澳台居民请选择相应的居住证");
        }
    }

    @Test
    void acceptsHongKongAndMacaoResidencePermits() {
        PersonDocument hongKong = PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT, HONG_KONG);
        PersonDocument macao = PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT, MACAO);

        assertThat(hongKong.number()).isEqualTo(HONG_KONG);
        assertThat(macao.number()).isEqualTo(MACAO);
        assertThat(hongKong.identityNumber().orElseThrow().birthDate()).isEqualTo(LocalDate.of(1985, 5, 12));
        assertThat(hongKong.identityNumber().orElseThrow().sex()).isEqualTo(Sex.MALE);
        assertThat(macao.identityNumber().orElseThrow().sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void requiresTheHongKongOrMacaoAddressCodeOnTheirPermit() {
        String otherHongKongPrefix = IdentityNumberFixtures.number("810100", LocalDate.of(1985, 5, 12), "003");
        for (String number : new String[] {RESIDENT, TAIWAN, otherHongKongPrefix}) {
            assertRejected(() -> PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT, number),
                    "person.document.hkMacaoPermit.region").hasMessage("港澳居民居住证号码应以810000或820000开头");
        }
    }

    @Test
    void namesTheResidencePermitInChecksumErrors() {
        assertRejected(() -> PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT,
                IdentityNumberFixtures.withWrongCheck(HONG_KONG)), "identity.number.checksum")
                .hasMessage("居住证号码校验位不正确");
        assertRejected(() -> PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT,
                IdentityNumberFixtures.withWrongCheck(TAIWAN)), "identity.number.checksum")
                .hasMessage("居住证号码校验位不正确");
    }

    @Test
    void acceptsATaiwanResidencePermit() {
        PersonDocument document = PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT, TAIWAN);

        assertThat(document.identityNumber().orElseThrow().birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void requiresTheTaiwanAddressCodeOnItsPermit() {
        for (String number : new String[] {RESIDENT, HONG_KONG}) {
            assertRejected(() -> PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT, number),
                    "person.document.taiwanPermit.region").hasMessage("台湾居民居住证号码应以830000开头");
        }
    }

    @Test
    void normalisesIdentityNumbersOfEveryType() {
        PersonDocument document = PersonDocument.of(DocumentType.RESIDENT_ID_CARD, " １１０１０１１９９００３１８１２３ｘ ");

        assertThat(document).isEqualTo(new PersonDocument(DocumentType.RESIDENT_ID_CARD, RESIDENT));
    }

    @Test
    void acceptsPassportsOfFiveToSeventeenLettersAndDigits() {
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "E12345678").number()).isEqualTo("E12345678");
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "A1234").number()).isEqualTo("A1234");
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "ABCDEFGH123456789").number())
                .isEqualTo("ABCDEFGH123456789");
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "E12345678").identityNumber()).isEmpty();
    }

    @Test
    void upperCasesAndCompactsPassportNumbers() {
        assertThat(PersonDocument.of(DocumentType.PASSPORT, " ｅ1234 5678 ").number()).isEqualTo("E12345678");
    }

    @Test
    void rejectsPassportsOutsideFiveToSeventeenLettersAndDigits() {
        assertRejected(() -> PersonDocument.of(DocumentType.PASSPORT, "A123"), "person.document.passport.format")
                .hasMessage("护照号码应为5至17位字母或数字");
        assertRejected(() -> PersonDocument.of(DocumentType.PASSPORT, "ABCDEFGH1234567890"),
                "person.document.passport.format");
        assertRejected(() -> PersonDocument.of(DocumentType.PASSPORT, "E1234-5678"),
                "person.document.passport.format");
        assertRejected(() -> PersonDocument.of(DocumentType.PASSPORT, "护照12345"),
                "person.document.passport.format");
        assertRejected(() -> new PersonDocument(DocumentType.PASSPORT, "e12345678"),
                "person.document.passport.format");
    }

    @Test
    void acceptsOtherDocumentsOfOneToThirtyTwoCharacters() {
        assertThat(PersonDocument.of(DocumentType.OTHER, "7").number()).isEqualTo("7");
        assertThat(PersonDocument.of(DocumentType.OTHER, "  军字第 ０１２３４５ 号 ").number())
                .isEqualTo("军字第 012345 号");
        assertThat(PersonDocument.of(DocumentType.OTHER, "a".repeat(32)).number()).hasSize(32);
        assertThat(PersonDocument.of(DocumentType.OTHER, "x1").identityNumber()).isEmpty();
    }

    @Test
    void rejectsOtherDocumentsLongerThanThirtyTwoCharacters() {
        assertRejected(() -> PersonDocument.of(DocumentType.OTHER, "a".repeat(33)), "person.document.other.length")
                .hasMessage("证件号码不能超过32个字符");
    }

    @Test
    void rejectsAMissingTypeOrNumber() {
        assertRejected(() -> PersonDocument.of(null, RESIDENT), "person.document.type.required")
                .hasMessage("请选择证件类型");
        for (DocumentType type : DocumentType.values()) {
            assertRejected(() -> PersonDocument.of(type, null), "person.document.number.blank")
                    .hasMessage("证件号码不能为空");
            assertRejected(() -> PersonDocument.of(type, " \u3000 "), "person.document.number.blank");
        }
    }

    @Test
    void masksIdentityNumbersAndPermitsToAddressCodeAndLastFour() {
        assertThat(PersonDocument.of(DocumentType.RESIDENT_ID_CARD, RESIDENT).masked())
                .isEqualTo("110101********123X");
        assertThat(PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT, HONG_KONG).masked())
                .isEqualTo("810000********0030");
        assertThat(PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT, TAIWAN).masked())
                .isEqualTo("830000********0020");
    }

    @Test
    void masksPassportsAndOtherDocumentsToFirstTwoAndLastTwo() {
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "E12345678").masked()).isEqualTo("E1*****78");
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "A1234").masked()).isEqualTo("A1*34");
        assertThat(PersonDocument.of(DocumentType.OTHER, "军字第012345号").masked()).isEqualTo("军字******5号");
        assertThat(PersonDocument.of(DocumentType.OTHER, "1234").masked()).isEqualTo("****");
    }

    @Test
    void neverPrintsTheFullNumber() {
        assertThat(PersonDocument.of(DocumentType.RESIDENT_ID_CARD, RESIDENT))
                .hasToString("PersonDocument[type=RESIDENT_ID_CARD, number=110101********123X]");
        assertThat(PersonDocument.of(DocumentType.PASSPORT, "E12345678"))
                .hasToString("PersonDocument[type=PASSPORT, number=E1*****78]");
    }

    @Test
    void answersWhetherADocumentIsValidWithoutThrowing() {
        assertThat(PersonDocument.isValid(DocumentType.HK_MACAO_RESIDENCE_PERMIT, HONG_KONG)).isTrue();
        assertThat(PersonDocument.isValid(DocumentType.RESIDENT_ID_CARD, HONG_KONG)).isFalse();
        assertThat(PersonDocument.isValid(null, HONG_KONG)).isFalse();
    }

    @Test
    void labelsDocumentTypesInChinese() {
        assertThat(DocumentType.RESIDENT_ID_CARD.label()).isEqualTo("居民身份证");
        assertThat(DocumentType.HK_MACAO_RESIDENCE_PERMIT.label()).isEqualTo("港澳居民居住证");
        assertThat(DocumentType.TAIWAN_RESIDENCE_PERMIT.label()).isEqualTo("台湾居民居住证");
        assertThat(DocumentType.PASSPORT.label()).isEqualTo("护照");
        assertThat(DocumentType.OTHER.label()).isEqualTo("其他证件");
    }

    @Test
    void knowsWhichTypesCarryAnIdentityNumber() {
        assertThat(DocumentType.RESIDENT_ID_CARD.usesIdentityNumber()).isTrue();
        assertThat(DocumentType.HK_MACAO_RESIDENCE_PERMIT.usesIdentityNumber()).isTrue();
        assertThat(DocumentType.TAIWAN_RESIDENCE_PERMIT.usesIdentityNumber()).isTrue();
        assertThat(DocumentType.PASSPORT.usesIdentityNumber()).isFalse();
        assertThat(DocumentType.OTHER.usesIdentityNumber()).isFalse();
    }
}
