package org.yuxun.certification.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.validation.Valid;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.SkillLevel;
import org.yuxun.certification.internal.CertificatePrinting;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

/** The staff's certificate register: search, export, issue by hand, detail, PDF, revocation. */
@Controller
@RequestMapping("/certificates")
class CertificateController {

    /** The most rows one Excel export holds. */
    private static final int EXPORT_LIMIT = 50_000;
    private static final List<String> STATES = List.of("VALID", "REVOKED", "EXPIRED");

    private final CertificateManagement certificates;
    private final CertificatePrinting printing;
    private final MessageSource messages;

    CertificateController(CertificateManagement certificates, CertificatePrinting printing, MessageSource messages) {
        this.certificates = certificates;
        this.printing = printing;
        this.messages = messages;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", CertificateKind.values());
        model.addAttribute("states", STATES);
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("levels", List.of(1, 2, 3, 4, 5));
        model.addAttribute("today", java.time.LocalDate.now(CertificateManagement.ZONE));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CertificateKind kind,
                @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
                Model model) {
        String known = known(state);
        model.addAttribute("page", certificates.search(q, kind, known, null, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("state", known);
        return "certification/certificates";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) CertificateKind kind,
                                  @RequestParam(required = false) String state) {
        List<CertificateView> rows = certificates.export(q, kind, known(state),
                EXPORT_LIMIT);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificates.xlsx").build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook(rows));
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String issueForm(Model model) {
        model.addAttribute("form", IssueForm.empty());
        return "certification/certificate-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String issue(@Valid @ModelAttribute("form") IssueForm form, BindingResult result,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return "certification/certificate-form";
        }
        if (user.orgKind() != CurrentUser.OrgKind.INSTITUTION || user.orgId() == null) {
            result.reject("certificate.issuer.institutionOnly", "只有院校和机构的工作人员可以颁发证书");
            return "certification/certificate-form";
        }
        try {
            CertificateView issued = certificates.issue(form.command(), user.orgId());
            flash.addFlashAttribute("saved", true);
            return "redirect:/certificates/" + issued.id();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "certification/certificate-form";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    String show(@PathVariable long id, Model model) {
        CertificateView certificate = certificates.get(id);
        model.addAttribute("certificate", certificate);
        model.addAttribute("verifyUrl", printing.verifyUrl(certificate));
        return "certification/certificate";
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        CertificateView certificate = certificates.get(id);
        return CertificatePrinting.download(certificate, printing.pdf(certificate));
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasAuthority('CERTIFICATE_REVOKE')")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam int version,
                  Model model, RedirectAttributes flash) {
        try {
            certificates.revoke(id, version, reason);
            flash.addFlashAttribute("saved", true);
            return "redirect:/certificates/" + id;
        } catch (InvalidInput e) {
            CertificateView certificate = certificates.get(id);
            model.addAttribute("certificate", certificate);
            model.addAttribute("verifyUrl", printing.verifyUrl(certificate));
            model.addAttribute("reasonError", e.violations().getFirst().code());
            model.addAttribute("reason", reason);
            return "certification/certificate";
        }
    }

    /** The state filter when it names a state, else none. */
    private static String known(String state) {
        return state != null && STATES.contains(state) ? state : null;
    }

    private byte[] workbook(List<CertificateView> rows) {
        var locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("certificate.list.title", null, locale));
            String[] headers = {"certificate.number", "certificate.kind", "certificate.holderName",
                "certificate.holderDocument", "certificate.title", "certificate.level", "certificate.hours",
                "certificate.issuer", "certificate.issuedOn", "certificate.validUntil", "certificate.state",
                "certificate.revokedReason"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            var today = java.time.LocalDate.now(CertificateManagement.ZONE);
            int r = 1;
            for (CertificateView c : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.number());
                row.createCell(1).setCellValue(messages.getMessage("certificate.kind." + c.kind(), null, locale));
                row.createCell(2).setCellValue(c.holderName());
                row.createCell(3).setCellValue(c.holderDocumentMasked());
                row.createCell(4).setCellValue(c.title());
                row.createCell(5).setCellValue(c.skillLevel() == null ? "" : SkillLevel.name(c.skillLevel()));
                row.createCell(6).setCellValue(c.hours() == null ? "" : c.hours().toPlainString());
                row.createCell(7).setCellValue(c.issuerName());
                row.createCell(8).setCellValue(c.issuedOn().toString());
                row.createCell(9).setCellValue(c.validUntil() == null ? "" : c.validUntil().toString());
                row.createCell(10).setCellValue(messages.getMessage("certificate.state." + c.state(today), null,
                        locale));
                row.createCell(11).setCellValue(c.revokedReason() == null ? "" : c.revokedReason());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
