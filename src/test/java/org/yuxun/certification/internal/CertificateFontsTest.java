package org.yuxun.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuxun.certification.internal.CertificateFonts.Face;

/** Which faces a text needs: the small common one for ordinary text, the large ones only for rare characters. */
class CertificateFontsTest {

    static final CertificateFonts FONTS = new CertificateFonts();

    @Test
    void ordinaryTextWithTheDashOfAnEmptyFieldNeedsOnlyTheCommonFace() {
        assertThat(FONTS.needed("王小明（证件号码 3301**********1234）职业（工种）— 2026年10月20日 · “长期”"))
                .containsExactly(Face.COMMON);
    }

    @Test
    void aCharacterBeyondGb2312BringsTheFullFontAndOneBeyondTheBasicPlaneHanaMinB() {
        assertThat(FONTS.needed("王喆")).containsExactly(Face.COMMON, Face.FULL);
        assertThat(FONTS.needed("𠮷野家")).containsExactly(Face.COMMON, Face.EXT_B);
    }
}
