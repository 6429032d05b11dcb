package org.yuxun.certification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

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
        StringBuilder content = new StringBuilder(8192).append("q ").append(number(SIDE / modules)).append(" 0 0 ")
                .append(number(SIDE / modules)).append(" 0 0 cm 0 g\n");
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
                content.append(start + 1).append(' ').append(modules - y - 2).append(' ').append(x - start)
                        .append(" 1 re\n");
            }
        }
        content.append("f Q\n");
        return page(content.toString());
    }

    /**
     * A one-page PDF around the drawing, written directly: the page is four objects, so the PDF library's document
     * model would cost more than the drawing. The drawing is in module units, scaled to the page by its {@code cm}.
     */
    private static byte[] page(String content) {
        String side = number(SIDE);
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + side + " " + side
                    + "] /Resources << >> /Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream"};
        StringBuilder pdf = new StringBuilder(content.length() + 512).append("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f\r\n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n\r\n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
