package org.yuxun.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Seal images turned once into one-page PDFs that hold the image already in PDF form. Decoding a PNG seal with
 * transparency and compressing it again for the PDF cost more than laying out the whole certificate; a class's
 * certificates all carry the same seal, so it is done once per image and the page is copied into each certificate.
 * Images are recognised by their content, so an institution that uploads a new seal prints with it at once.
 */
final class SealPages {

    /** Enough for every issuer printing at the same time; a seal is tens of kilobytes. */
    private static final int KEPT = 32;
    /** An image pixel is a CSS pixel, 0.75 pt: where the layout sets no size the seal keeps the one it had. */
    private static final float POINTS_PER_PIXEL = 0.75f;

    private final Map<String, byte[]> pages = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    /** The seal as a one-page PDF, or null when the bytes are not an image the PDF library can read. */
    byte[] pdf(byte[] image) {
        String key = digest(image);
        synchronized (pages) {
            byte[] page = pages.get(key);
            if (page != null) {
                return page;
            }
        }
        byte[] page = convert(image);
        if (page != null) {
            synchronized (pages) {
                pages.put(key, page);
            }
        }
        return page;
    }

    private static byte[] convert(byte[] image) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject seal = PDImageXObject.createFromByteArray(document, image, "seal");
            float width = seal.getWidth() * POINTS_PER_PIXEL;
            float height = seal.getHeight() * POINTS_PER_PIXEL;
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(seal, 0, 0, width, height);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
