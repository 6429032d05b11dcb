package org.yuxun.certification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.SkillLevel;
import org.yuxun.certification.internal.CertificateFonts.Face;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.shared.YuxunProperties;

/**
 * Prints a certificate as PDF from its issuer's template. The template is plain XHTML with {@code {{name}}}
 * placeholders, not a template language, so an institution administrator who edits it can place text but never
 * run code; every value is XML-escaped. Chinese text is set in the embedded Droid Sans Fallback, with HanaMinB for
 * characters beyond it (Extension B, e.g. 𠮷), so every name prints; only the glyphs used are embedded
 * ({@link CertificateFonts}). The holder's identity number is printed masked; the QR code leads to
 * {@code <public-base-url>/verify/<public id>}.
 */
@Component
public class CertificatePdf {

    /** The placeholders a template may use, with what they stand for (shown on the template page). */
    public static final Map<String, String> PLACEHOLDERS = placeholders();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /**
     * The QR code and the seal are placed as one-page PDFs from the printer's own addresses rather than as
     * encoded images in the document: the renderer would decode and re-compress an image for every certificate.
     */
    private static final String PRINT_SCHEME = "yuxun-print";
    private static final String QR_SRC = PRINT_SCHEME + "://certificate/qr.pdf";
    private static final String SEAL_SRC = PRINT_SCHEME + "://certificate/seal.pdf";
    private static final DocumentBuilderFactory DOM = domFactory();
    /** A parser is reused by its thread: making one costs more than parsing a certificate. */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(CertificatePdf::parser);
    private static final DefaultHandler STRICT = new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    static {
        // the renderer's own console logging reports every document it lays out; failures still throw
        XRLog.setLoggingEnabled(false);
    }

    private final String verifyBase;
    private final MessageSource messages;
    private final CertificateFonts fonts = new CertificateFonts();
    private final SealPages seals = new SealPages();

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
                + "@page { size: A4 landscape; margin: 0; } body { margin: 0; font-family: "
                + CertificateFonts.FAMILIES + "; }\n" + escapeStyle(template.css()) + "</style></head><body>" + body
                + "</body></html>";
        Document dom = parse(document);
        byte[] qr = QrCode.pdf(verifyUrl(certificate));
        byte[] seal = template.hasSeal() ? seals.pdf(template.seal()) : null;
        Map<Face, TrueTypeFont> faces = new EnumMap<>(Face.class);
        try (PDDocument pdf = new PDDocument()) {
            for (Face face : fonts.needed(body)) {
                faces.put(face, fonts.borrow(face));
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            for (Map.Entry<Face, TrueTypeFont> face : faces.entrySet()) {
                builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, face.getValue(), true)),
                        face.getKey().family);
            }
            builder.useProtocolsStreamImplementation(url -> new Resource(switch (url) {
                case QR_SRC -> qr;
                case SEAL_SRC -> seal;
                default -> null;
            }), PRINT_SCHEME);
            builder.withW3cDocument(dom, verifyBase);
            builder.withProducer("Yuxun");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The certificate template cannot be printed", e);
        } finally {
            faces.forEach(fonts::giveBack);
        }
    }

    /**
     * Parses the filled document. The template is the institution's, so it may declare no document type and
     * pull in no entity or file.
     *
     * @throws IllegalArgumentException when it is not well-formed XHTML
     */
    private static Document parse(String document) {
        DocumentBuilder parser = PARSERS.get();
        parser.reset();
        parser.setErrorHandler(STRICT);
        try {
            return parser.parse(new InputSource(new StringReader(document)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("The certificate template is not well-formed XHTML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilder parser() {
        try {
            return DOM.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The bytes behind one of the printer's own addresses; nothing for any other address. */
    private record Resource(byte[] bytes) implements FSStream {

        @Override
        public InputStream getStream() {
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        }

        @Override
        public Reader getReader() {
            return bytes == null ? null : new InputStreamReader(getStream(), StandardCharsets.UTF_8);
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
        values.put("qr", "<img src=\"" + QR_SRC + "\" alt=\"QR\"/>");
        values.put("seal", template.hasSeal() ? "<img src=\"" + SEAL_SRC + "\" alt=\"seal\"/>" : "");
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
}
