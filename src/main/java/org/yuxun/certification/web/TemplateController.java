package org.yuxun.certification.web;

import java.io.IOException;

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
import org.yuxun.certification.internal.CertificatePdf;
import org.yuxun.certification.internal.CertificatePrinting;
import org.yuxun.certification.internal.CertificateTemplates;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/** The institution's certificate layout, edited by its administrator with a preview. */
@Controller
class TemplateController {

    private final CertificatePrinting printing;

    TemplateController(CertificatePrinting printing) {
        this.printing = printing;
    }

    @GetMapping("/certificates/template")
    @PreAuthorize("hasAuthority('CERTIFICATE_TEMPLATE')")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        Template template = printing.template(institution(user));
        model.addAttribute("template", template);
        model.addAttribute("html", template.html());
        model.addAttribute("css", template.css());
        model.addAttribute("placeholders", CertificatePdf.PLACEHOLDERS);
        return "certification/template";
    }

    @PostMapping("/certificates/template")
    @PreAuthorize("hasAuthority('CERTIFICATE_TEMPLATE')")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String html,
                @RequestParam(required = false) String css, @RequestParam(required = false) MultipartFile seal,
                @RequestParam int version, @RequestParam(required = false) String reset, Model model,
                RedirectAttributes flash) throws IOException {
        long institution = institution(user);
        String body = reset != null || html == null || html.isBlank() ? CertificateTemplates.DEFAULT_HTML : html;
        String style = reset != null ? CertificateTemplates.DEFAULT_CSS : css;
        byte[] image = seal == null || seal.isEmpty() ? null : seal.getBytes();
        try {
            printing.saveTemplate(institution, body, style, image, seal == null ? null : seal.getContentType(),
                    version);
            flash.addFlashAttribute("saved", true);
            return "redirect:/certificates/template";
        } catch (InvalidInput e) {
            model.addAttribute("template", printing.template(institution));
            model.addAttribute("html", body);
            model.addAttribute("css", style);
            model.addAttribute("placeholders", CertificatePdf.PLACEHOLDERS);
            model.addAttribute("error", e.violations().getFirst());
            return "certification/template";
        }
    }

    @PostMapping("/certificates/template/preview")
    @PreAuthorize("hasAuthority('CERTIFICATE_TEMPLATE')")
    ResponseEntity<byte[]> preview(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) String html,
                                   @RequestParam(required = false) String css) {
        long institution = institution(user);
        Template current = printing.template(institution);
        Template candidate = new Template(institution, html == null || html.isBlank() ? current.html() : html,
                css == null ? current.css() : css, current.seal(), current.sealContentType(), current.version());
        byte[] pdf = printing.preview(candidate, user.orgName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    private static long institution(CurrentUser user) {
        if (user.orgKind() != CurrentUser.OrgKind.INSTITUTION || user.orgId() == null) {
            throw new NotFound("CertificateTemplate", user.username());
        }
        return user.orgId();
    }
}
