package org.yuxun.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.SkillLevel;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.shared.YuxunProperties;

/**
 * Prints a certificate as PDF from its issuer's template. The template is plain XHTML with {@code {{name}}}
 * placeholders, not a template language, so an institution administrator who edits it can place text but never
 * run code; every value is XML-escaped. Chinese text is set in the embedded Droid Sans Fallback, with HanaMinB for
 * characters beyond it (Extension B, e.g. 𠮷), so every name prints; only the glyphs used are embedded. The holder's
 * identity number is printed masked; the QR code leads to {@code <public-base-url>/verify/<public id>}.
 */
@Component
public class CertificatePdf {

    /** The placeholders a template may use, with what they stand for (shown on the template page). */
    public static final Map<String, String> PLACEHOLDERS = placeholders();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String MAIN_FONT = "YuxunSans";
    private static final String FALLBACK_FONT = "YuxunExtB";

    static {
        // the renderer's own console logging reports every document it lays out; failures still throw
        XRLog.setLoggingEnabled(false);
    }

    private final String verifyBase;
    private final MessageSource messages;
    private final FontPool mainFonts = new FontPool("/fonts/DroidSansFallbackFull.ttf");
    private final FontPool fallbackFonts = new FontPool("/fonts/HanaMinB.ttf");

    CertificatePdf(YuxunProperties properties, MessageSource messages) {
        this.verifyBase = properties.publicBaseUrl() + "/verify/";
        this.messages = messages;
    }

    /** The address the QR code of this certificate leads to. */
    public String verifyUrl(CertificateView certificate) {
        return verifyBase + certificate.publicId();
    }

    public byte[] render(CertificateView certificate, Template template) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(certificate, template, out);
        return out.toByteArray();
    }

    /**
     * Writes the PDF to the stream.
     *
     * @throws IllegalArgumentException when the template is not well-formed XHTML
     */
    public void render(CertificateView certificate, Template template, OutputStream out) {
        String body = fill(template.html(), values(certificate, template));
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><style>"
                + "@page { size: A4 landscape; margin: 0; } body { margin: 0; font-family: '" + MAIN_FONT + "', '"
                + FALLBACK_FONT + "'; }\n" + escapeStyle(template.css()) + "</style></head><body>" + body
                + "</body></html>";
        TrueTypeFont main = mainFonts.borrow();
        TrueTypeFont fallback = needsFallback(main, body) ? fallbackFonts.borrow() : null;
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, main, true)), MAIN_FONT);
            if (fallback != null) {
                builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, fallback, true)), FALLBACK_FONT);
            }
            builder.withHtmlContent(document, verifyBase);
            builder.withProducer("Yuxun");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The certificate template cannot be printed", e);
        } finally {
            mainFonts.giveBack(main);
            if (fallback != null) {
                fallbackFonts.giveBack(fallback);
            }
        }
    }

    /** Whether the text holds a character the main font has no glyph for (a rare character in a name). */
    private static boolean needsFallback(TrueTypeFont main, String text) {
        try {
            CmapLookup cmap = main.getUnicodeCmapLookup();
            return text.codePoints().anyMatch(cp -> cp > 0x7f && cmap.getGlyphId(cp) == 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> values(CertificateView c, Template template) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kindName", escape(messages.getMessage("certificate.kind." + c.kind().name(), null,
                Locale.SIMPLIFIED_CHINESE)));
        values.put("holderName", escape(c.holderName()));
        values.put("holderDocument", escape(c.holderDocumentMasked()));
        values.put("title", escape(c.title()));
        values.put("occupation", escape(c.occupation() == null ? "—" : c.occupation()));
        values.put("level", escape(c.skillLevel() == null ? "—" : SkillLevel.name(c.skillLevel())));
        values.put("levelSentence", c.skillLevel() == null ? "" : "，达到" + escape(SkillLevel.name(c.skillLevel()))
                + "水平");
        values.put("hours", c.hours() == null ? "—" : hours(c.hours()) + " 学时");
        values.put("number", escape(c.number()));
        values.put("issuerName", escape(c.issuerName()));
        values.put("issuedOn", date(c.issuedOn()));
        values.put("validUntil", c.validUntil() == null ? "长期" : date(c.validUntil()));
        values.put("verifyUrl", escape(verifyUrl(c)));
        values.put("qr", "<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(QrCode.png(verifyUrl(c), 240)) + "\" alt=\"QR\"/>");
        values.put("seal", template.hasSeal() ? "<img src=\"data:" + escape(template.sealContentType())
                + ";base64," + Base64.getEncoder().encodeToString(template.seal()) + "\" alt=\"seal\"/>" : "");
        return values;
    }

    private static String fill(String html, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 4096);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** CSS goes inside a style element: it must not be able to close it. */
    private static String escapeStyle(String css) {
        return css == null ? "" : css.replace("<", "\\3C ").replace("&", "\\26 ");
    }

    private static Map<String, String> placeholders() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String name : new String[] {"kindName", "holderName", "holderDocument", "title", "occupation", "level",
            "levelSentence", "hours", "number", "issuerName", "issuedOn", "validUntil", "verifyUrl", "qr", "seal"}) {
            p.put(name, "certificate.placeholder." + name);
        }
        return p;
    }

    /**
     * Parsed fonts for reuse: parsing a CJK font takes far longer than printing a page, and a parsed font may be
     * used by one document at a time only, so each printing thread borrows one and gives it back.
     */
    private static final class FontPool {

        private final String resource;
        private final ConcurrentLinkedQueue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();
        private volatile byte[] bytes;

        FontPool(String resource) {
            this.resource = resource;
        }

        TrueTypeFont borrow() {
            TrueTypeFont font = idle.poll();
            if (font != null) {
                return font;
            }
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void giveBack(TrueTypeFont font) {
            if (idle.size() < 8) {
                idle.add(font);
            }
        }

        private byte[] bytes() {
            byte[] loaded = bytes;
            if (loaded == null) {
                synchronized (this) {
                    if (bytes == null) {
                        try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
                            if (in == null) {
                                throw new IllegalStateException("Font " + resource + " is missing");
                            }
                            bytes = in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    loaded = bytes;
                }
            }
            return loaded;
        }
    }
}
