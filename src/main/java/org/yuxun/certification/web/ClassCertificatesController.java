package org.yuxun.certification.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.Awards;
import org.yuxun.certification.internal.CertificatePrinting;
import org.yuxun.certification.internal.CertificateTemplates.Template;
import org.yuxun.certification.internal.CertificationSettings;
import org.yuxun.certification.internal.ClassIssueJob;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.jobs.Jobs;

/** A class's certificates: issue them all at once (a job with progress) and download them as one ZIP. */
@Controller
class ClassCertificatesController {

    private final CertificateManagement certificates;
    private final CertificatePrinting printing;
    private final Awards awards;
    private final Jobs jobs;
    private final CertificationSettings settings;

    ClassCertificatesController(CertificateManagement certificates, CertificatePrinting printing, Awards awards,
                                Jobs jobs, CertificationSettings settings) {
        this.certificates = certificates;
        this.printing = printing;
        this.awards = awards;
        this.jobs = jobs;
        this.settings = settings;
    }

    @GetMapping("/classes/{classId}/certificates")
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    String list(@PathVariable long classId, Model model) {
        model.addAttribute("className", className(classId));
        model.addAttribute("classId", classId);
        model.addAttribute("certificates", certificates.ofClass(classId));
        model.addAttribute("completed", certificates.completedLearners(classId));
        model.addAttribute("today", java.time.LocalDate.now(CertificateManagement.ZONE));
        return "certification/class-certificates";
    }

    @PostMapping("/classes/{classId}/certificates")
    @PreAuthorize("hasAuthority('CERTIFICATE_ISSUE')")
    String issueAll(@PathVariable long classId) {
        className(classId);
        long job = jobs.submit(ClassIssueJob.KIND, Map.of("classId", classId),
                (long) certificates.completedLearners(classId));
        return "redirect:/jobs/" + job;
    }

    @GetMapping("/classes/{classId}/certificates.zip")
    @PreAuthorize("hasAuthority('CERTIFICATE_VIEW')")
    ResponseEntity<StreamingResponseBody> zip(@PathVariable long classId) {
        className(classId);
        List<CertificateView> all = certificates.ofClass(classId);
        List<CertificateView> batch = all.size() > settings.zipLimit() ? all.subList(0, settings.zipLimit()) : all;
        Map<Long, Template> layouts = printing.templatesOf(batch);
        StreamingResponseBody body = out -> printing.zip(batch, layouts, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("class-" + classId + "-certificates.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }

    private String className(long classId) {
        return awards.className(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
    }
}
