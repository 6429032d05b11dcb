package org.yuxun.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A QR code as a one-page vector PDF, which the certificate places like an image: the dark modules are filled
 * rectangles, so it prints sharp at any size and costs the printer no image decoding or compression. Error
 * correction M survives a printed seal's ink or a worn paper copy; a quiet zone of one module surrounds it.
 */
final class QrCode {

    /** The page's side in points: the size the code takes where the layout does not set one (240 CSS px). */
    static final float SIDE = 180f;

    private QrCode() {
    }

    static byte[] pdf(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        int modules = matrix.getWidth() + 2;
        float unit = SIDE / modules;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(4096)) {
            PDPage page = new PDPage(new PDRectangle(SIDE, SIDE));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(0f, 0f, 0f);
                for (int y = 0; y < matrix.getHeight(); y++) {
                    int x = 0;
                    while (x < matrix.getWidth()) {
                        if (matrix.get(x, y) != 1) {
                            x++;
                            continue;
                        }
                        int start = x;
                        while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                            x++;
                        }
                        content.addRect((start + 1) * unit, SIDE - (y + 2) * unit, (x - start) * unit, unit);
                    }
                }
                content.fill();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
