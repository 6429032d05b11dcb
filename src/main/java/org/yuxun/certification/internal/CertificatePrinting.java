package org.yuxun.certification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.PreDestroy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.shared.InvalidInput;

/**
 * Certificates on paper: the PDF of one, all of a class's as one ZIP, and each institution's layout with a preview.
 * Templates are read in the caller's scope: whoever may see a certificate may print it in its issuer's layout.
 */
@Service
public class CertificatePrinting {

    /** Seal images accepted: what browsers and the PDF library both draw. */
    public static final Set<String> SEAL_TYPES = Set.of("image/png", "image/jpeg");
    /** The largest seal image accepted. */
    public static final int SEAL_MAX_BYTES = 1024 * 1024;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Certificates rendered ahead of the ZIP writer per core: enough to keep every core busy. */
    private static final int AHEAD_PER_CORE = 2;

    private final CertificatePdf pdf;
    private final CertificateTemplates templates;
    private final AuditLog audit;
    /** Printing is CPU work only: one thread per core, shared by every download at the same time. */
    private final ExecutorService printers = Executors.newFixedThreadPool(CORES,
            Thread.ofPlatform().name("certificate-printer-", 0).daemon().factory());

    CertificatePrinting(CertificatePdf pdf, CertificateTemplates templates, AuditLog audit) {
        this.pdf = pdf;
        this.templates = templates;
        this.audit = audit;
    }

    public String verifyUrl(CertificateView certificate) {
        return pdf.verifyUrl(certificate);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(CertificateView certificate) {
        return pdf.render(certificate, templates.of(certificate.issuerId()));
    }

    /** The layouts of the given issuers, read now (in the caller's scope) for printing later. */
    @Transactional(readOnly = true)
    public Map<Long, Template> templatesOf(List<CertificateView> certificates) {
        Map<Long, Template> found = new HashMap<>();
        certificates.forEach(c -> found.computeIfAbsent(c.issuerId(), templates::of));
        return found;
    }

    /**
     * Writes one PDF per certificate into a ZIP, in the order given. Printing is what a class's download waits on,
     * so the PDFs are rendered on every core at once while this thread writes each finished one in turn; at most a
     * few certificates per core are rendered ahead of the writer, so memory stays flat whatever the class's size.
     */
    public void zip(List<CertificateView> certificates, Map<Long, Template> layouts, OutputStream out) {
        Deque<Future<byte[]>> ahead = new ArrayDeque<>();
        Iterator<CertificateView> next = certificates.iterator();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (CertificateView c : certificates) {
                while (ahead.size() < AHEAD_PER_CORE * CORES && next.hasNext()) {
                    CertificateView queued = next.next();
                    Template layout = layouts.get(queued.issuerId());
                    ahead.add(printers.submit(() -> pdf.render(queued, layout)));
                }
                byte[] document = ahead.removeFirst().get();
                zip.putNextEntry(stored(fileName(c), document));
                zip.write(document);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Printing the certificates was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            ahead.forEach(f -> f.cancel(true));
        }
    }

    /**
     * A ZIP entry kept as it is: a certificate's PDF is compressed inside already, so deflating it again would cost
     * the writer's time for a few per cent of size.
     */
    private static ZipEntry stored(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    @PreDestroy
    void stopPrinters() {
        printers.shutdownNow();
    }

    @Transactional(readOnly = true)
    public Template template(long institutionId) {
        return templates.of(institutionId);
    }

    /**
     * Saves an institution's layout after printing a sample with it, so a layout that cannot print is refused at
     * the field rather than discovered when a learner downloads their certificate; audited.
     *
     * @param seal the new seal image, or null to keep the current one
     * @throws InvalidInput at {@code html} when the layout is not well-formed XHTML, at {@code seal} when the
     *     image is not PNG or JPEG or too large
     */
    @Transactional
    public void saveTemplate(long institutionId, String html, String css, byte[] seal, String sealType,
                             int version) {
        checkSeal(seal, sealType);
        Template current = templates.of(institutionId);
        Template candidate = new Template(institutionId, html, css == null ? "" : css,
                seal != null ? seal : current.seal(), seal != null ? sealType : current.sealContentType(), version);
        preview(candidate, "");
        templates.save(institutionId, html, candidate.css(), seal, seal == null ? null : sealType, version);
        audit.record("UPDATE", "CertificateTemplate", institutionId, "修改证书模板",
                new TemplateSnapshot(current.html().length(), current.css().length(), current.hasSeal()),
                new TemplateSnapshot(html.length(), candidate.css().length(), candidate.hasSeal()));
    }

    /**
     * A sample certificate printed with the layout.
     *
     * @throws InvalidInput at {@code html} when the layout cannot be printed
     */
    public byte[] preview(Template template, String issuerName) {
        CertificateView sample = new CertificateView(0, UUID.fromString("00000000-0000-4000-8000-000000000000"),
                CertificateKind.TRAINING, "912345678-" + LocalDate.now(CertificateManagement.ZONE).getYear()
                + "-T-000001", template.institutionId(), issuerName, template.institutionId(), 0, "张三",
                "330106********123X", null, null, null, "示例培训项目", "养老护理员", null, new BigDecimal("40"),
                LocalDate.now(CertificateManagement.ZONE), null, "VALID", null, null, "MANUAL", 0);
        try {
            return pdf.render(sample, template);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("html", "certificate.template.malformed",
                    "模板不是格式良好的 XHTML（标签须成对闭合，如 <br/>），无法生成证书");
        }
    }

    private static void checkSeal(byte[] seal, String type) {
        if (seal == null) {
            return;
        }
        if (!SEAL_TYPES.contains(type)) {
            throw new InvalidInput("seal", "certificate.seal.type", "印章图片须为 PNG 或 JPEG 格式");
        }
        if (seal.length > SEAL_MAX_BYTES) {
            throw new InvalidInput("seal", "certificate.seal.size", "印章图片不能超过 1 MB");
        }
    }

    static String fileName(CertificateView c) {
        return c.number().replaceAll("[^A-Za-z0-9-]", "_") + ".pdf";
    }

    /** The PDF as a download named by the certificate number. */
    public static ResponseEntity<byte[]> download(CertificateView certificate, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(certificate)).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(bytes);
    }

    record TemplateSnapshot(int htmlLength, int cssLength, boolean seal) {
    }
}
