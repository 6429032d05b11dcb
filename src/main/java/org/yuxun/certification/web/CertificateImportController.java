package org.yuxun.certification.web;

import java.io.IOException;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.certification.internal.CertificateImport;
import org.yuxun.certification.internal.CertificateImport.Outcome;
import org.yuxun.certification.internal.CertificateImport.Preview;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * Importing externally issued certificates: download the template, upload, see every refused row with its reason
 * (and as a file), then confirm to store the valid rows. The validated rows wait in the staff member's session
 * until confirmed, so nothing is stored before that.
 */
@Controller
class CertificateImportController {

    private static final String PREVIEW = "certificateImportPreview";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CertificateImport imports;

    CertificateImportController(CertificateImport imports) {
        this.imports = imports;
    }

    @GetMapping("/certificates/import")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String page(HttpSession session, Model model) {
        model.addAttribute("preview", session.getAttribute(PREVIEW));
        return "certification/import";
    }

    @GetMapping("/certificates/import/template.xlsx")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    ResponseEntity<byte[]> template() {
        return file("certificate-import-template.xlsx", CertificateImport.template());
    }

    @PostMapping("/certificates/import")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CurrentUser user,
                  HttpSession session, Model model) throws IOException {
        institution(user);
        session.removeAttribute(PREVIEW);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "certificate.import.noFile");
            return "certification/import";
        }
        try {
            Preview preview = imports.validate(file.getOriginalFilename(), file.getInputStream());
            session.setAttribute(PREVIEW, preview);
            model.addAttribute("preview", preview);
        } catch (InvalidInput e) {
            model.addAttribute("fileError", e.violations().getFirst().code());
        }
        return "certification/import";
    }

    @GetMapping("/certificates/import/errors.xlsx")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    ResponseEntity<byte[]> errors(HttpSession session) {
        if (!(session.getAttribute(PREVIEW) instanceof Preview preview)) {
            throw new NotFound("CertificateImport", "errors");
        }
        return file("certificate-import-errors.xlsx", CertificateImport.errors(preview));
    }

    @PostMapping("/certificates/import/confirm")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String confirm(@AuthenticationPrincipal CurrentUser user, HttpSession session, RedirectAttributes flash) {
        long institution = institution(user);
        if (!(session.getAttribute(PREVIEW) instanceof Preview preview)) {
            return "redirect:/certificates/import";
        }
        Outcome outcome = imports.confirm(preview, institution);
        session.removeAttribute(PREVIEW);
        flash.addFlashAttribute("outcome", outcome);
        return "redirect:/certificates/import";
    }

    private static long institution(CurrentUser user) {
        if (user.orgKind() != CurrentUser.OrgKind.INSTITUTION || user.orgId() == null) {
            throw new NotFound("CertificateImport", user.username());
        }
        return user.orgId();
    }

    private static ResponseEntity<byte[]> file(String name, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .contentType(XLSX).body(bytes);
    }
}
