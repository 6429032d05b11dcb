package org.yuxun.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.shared.YuxunProperties;

/** The printed certificate: its text, its fonts (a rare-character name prints), its QR code. */
class CertificatePdfTest {

    static final CertificatePdf PDF = pdf();

    static CertificatePdf pdf() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("certificate.kind.TRAINING", Locale.SIMPLIFIED_CHINESE, "培训合格证书");
        messages.addMessage("certificate.kind.SKILL_LEVEL", Locale.SIMPLIFIED_CHINESE, "职业技能等级证书");
        return new CertificatePdf(new YuxunProperties("https://yuxun.example.cn", null, null, null, null, null),
                messages);
    }

    static CertificateView certificate(String holder, CertificateKind kind, Integer level) {
        return new CertificateView(1, UUID.fromString("0b7c4f7e-8a41-4c55-9f59-2f5b1d0f7a11"), kind,
                "4F3KX2MA7-2026-T-000001", 7, "浙江育训职业技术学院", 7, 9, holder, "3301**********1234", 11L, 3L,
                5L, "养老护理员（五级）", "养老护理员", level, new BigDecimal("80.0"), LocalDate.of(2026, 10, 20), null,
                "VALID", null, null, "AUTO", 0);
    }

    static Template defaults() {
        return new Template(7, CertificateTemplates.DEFAULT_HTML, CertificateTemplates.DEFAULT_CSS, null, null, -1);
    }

    @Test
    void printsTheHolderTheMaskedNumberTheTitleAndTheIssuer() throws IOException {
        byte[] pdf = PDF.render(certificate("王小明", CertificateKind.TRAINING, null), defaults());
        String text = text(pdf);
        assertThat(text).contains("培训合格证书", "王小明", "3301**********1234", "养老护理员（五级）",
                "4F3KX2MA7-2026-T-000001", "浙江育训职业技术学院", "2026年10月20日", "80 学时");
    }

    @Test
    void printsANameWithACharacterBeyondTheBasicBlock() throws IOException {
        byte[] pdf = PDF.render(certificate("𠮷野家", CertificateKind.SKILL_LEVEL, 4), defaults());
        assertThat(text(pdf)).contains("𠮷野家", "职业技能等级证书", "四级/中级工");
    }

    /** 喆 is outside GB 2312, so it comes from the full font rather than the common subset. */
    @Test
    void printsANameWithACharacterBeyondTheCommonSet() throws IOException {
        byte[] pdf = PDF.render(certificate("王喆", CertificateKind.TRAINING, null), defaults());
        assertThat(text(pdf)).contains("王喆", "培训合格证书");
    }

    @Test
    void itsQrCodeLeadsToTheVerificationPage() throws Exception {
        byte[] pdf = PDF.render(certificate("王小明", CertificateKind.TRAINING, null), defaults());
        assertThat(qr(pdf)).isEqualTo("https://yuxun.example.cn/verify/0b7c4f7e-8a41-4c55-9f59-2f5b1d0f7a11");
    }

    /** The default layout fills the A4 page: the QR code sits in its lower part, clear of the text above. */
    @Test
    void theDefaultLayoutPutsTheQrCodeInTheLowerPartOfThePage() throws Exception {
        byte[] pdf = PDF.render(certificate("王小明", CertificateKind.TRAINING, null), defaults());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            BufferedImage lower = page.getSubimage(0, page.getHeight() / 2, page.getWidth(), page.getHeight() / 2);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(lower)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).endsWith("/verify/"
                    + "0b7c4f7e-8a41-4c55-9f59-2f5b1d0f7a11");
        }
    }

    @Test
    void aValueCannotInjectMarkupIntoTheTemplate() throws IOException {
        byte[] pdf = PDF.render(certificate("<b>王</b>&小明", CertificateKind.TRAINING, null), defaults());
        assertThat(text(pdf)).contains("<b>王</b>&小明");
    }

    @Test
    void aTemplateThatIsNotWellFormedIsRefused() {
        Template broken = new Template(7, "<div><p>{{holderName}}</div>", "", null, null, 0);
        assertThatThrownBy(() -> PDF.render(certificate("王小明", CertificateKind.TRAINING, null), broken))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Decodes the QR code from the rendered first page, as a phone's camera would. */
    static String qr(byte[] pdf) throws IOException, NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            return new QRCodeReader().decode(bitmap).getText();
        }
    }
}
