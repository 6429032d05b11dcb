package org.yuxun.certification.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.CertificatePrinting;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.NotFound;

/** "我的证书": a learner's certificates on a phone, each downloadable as PDF. */
@Controller
class MyCertificatesController {

    private final CertificateManagement certificates;
    private final CertificatePrinting printing;

    MyCertificatesController(CertificateManagement certificates, CertificatePrinting printing) {
        this.certificates = certificates;
        this.printing = printing;
    }

    @GetMapping("/my/certificates")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        Long person = user.dataScope().personId();
        model.addAttribute("certificates", person == null ? java.util.List.of() : certificates.mine(person));
        model.addAttribute("today", java.time.LocalDate.now(CertificateManagement.ZONE));
        return "certification/my-certificates";
    }

    @GetMapping("/my/certificates/{publicId}/pdf")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID publicId, @AuthenticationPrincipal CurrentUser user) {
        CertificateView certificate = certificates.byPublicId(publicId);
        if (user.dataScope().personId() == null || certificate.personId() != user.dataScope().personId()) {
            throw new NotFound("Certificate", publicId);
        }
        return CertificatePrinting.download(certificate, printing.pdf(certificate));
    }
}
