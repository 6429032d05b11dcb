package org.yuxun.creditbank.web;

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
import org.yuxun.creditbank.internal.StudentImport;
import org.yuxun.creditbank.internal.StudentImport.Preview;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;

/** Importing students from Excel: template, upload, report of every row with masked numbers, confirm. */
@Controller
class StudentImportController {

    private static final String PREVIEW = "studentImportPreview";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StudentImport imports;

    StudentImportController(StudentImport imports) {
        this.imports = imports;
    }

    @GetMapping("/credit-bank/students/import")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String page(HttpSession session, Model model) {
        model.addAttribute("preview", session.getAttribute(PREVIEW));
        return "creditbank/student-import";
    }

    @GetMapping("/credit-bank/students/import/template.xlsx")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("student-import-template.xlsx").build().toString())
                .contentType(XLSX).body(StudentImport.template());
    }

    @PostMapping("/credit-bank/students/import")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CurrentUser user,
                  HttpSession session, Model model) throws IOException {
        long institution = AcademicCatalogueController.institution(user);
        session.removeAttribute(PREVIEW);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "credit.import.noFile");
            return "creditbank/student-import";
        }
        try {
            Preview preview = imports.validate(file.getOriginalFilename(), file.getBytes(), institution);
            session.setAttribute(PREVIEW, preview);
            model.addAttribute("preview", preview);
        } catch (InvalidInput e) {
            model.addAttribute("fileError", e.violations().getFirst().code());
        }
        return "creditbank/student-import";
    }

    @PostMapping("/credit-bank/students/import/confirm")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String confirm(@AuthenticationPrincipal CurrentUser user, HttpSession session, RedirectAttributes flash) {
        long institution = AcademicCatalogueController.institution(user);
        if (!(session.getAttribute(PREVIEW) instanceof Preview preview) || preview.valid() == 0) {
            return "redirect:/credit-bank/students/import";
        }
        session.removeAttribute(PREVIEW);
        try {
            flash.addFlashAttribute("imported", imports.confirm(preview, institution));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("fileError", e.violations().getFirst().code());
            flash.addFlashAttribute("fileErrorText", e.getMessage());
            return "redirect:/credit-bank/students/import";
        }
        return "redirect:/credit-bank/students";
    }
}
