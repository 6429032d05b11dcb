package org.yuxun.creditbank.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.internal.OutcomeSubmissions;
import org.yuxun.creditbank.internal.OutcomeSubmissions.Submission;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * Outcomes learners submitted to the institution for review (认定), with their evidence: accepted, the outcome is
 * recorded in the learner's account; rejected, the learner sees the reason (seeds/001 §二(九)). Row-level security
 * shows an institution only what was sent to it.
 */
@Controller
@RequestMapping("/credit-bank/submissions")
class OutcomeSubmissionController {

    static final List<String> STATUSES = List.of("SUBMITTED", "ACCEPTED", "REJECTED");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final OutcomeSubmissions submissions;
    private final MessageSource messages;
    private final AuditLog audit;

    OutcomeSubmissionController(OutcomeSubmissions submissions, MessageSource messages, AuditLog audit) {
        this.submissions = submissions;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        String known = known(status);
        model.addAttribute("page", submissions.received(q, known, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", known);
        model.addAttribute("statuses", STATUSES);
        return "creditbank/submissions";
    }

    /** The list as filtered, as an Excel workbook; the export is recorded in the audit trail. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) String status,
                                  @AuthenticationPrincipal CurrentUser user, Locale locale) {
        AcademicCatalogueController.institution(user);
        String known = known(status);
        List<Submission> found = submissions.received(q, known, 0, Workbooks.EXPORT_LIMIT).content();
        List<List<Object>> rows = new ArrayList<>();
        for (Submission s : found) {
            rows.add(Arrays.asList(s.id(), s.personName(), text("credit.outcome.kind." + s.kind(), locale),
                    s.title(), s.level(), s.issuer(), s.achievedOn(), s.hours(), MINUTE.format(s.submittedAt()),
                    text("credit.submission.status." + s.status(), locale), s.reason(),
                    s.reviewedAt() == null ? null : MINUTE.format(s.reviewedAt())));
        }
        audit.record("EXPORT", "OutcomeSubmission", null, "导出 " + rows.size() + " 条"
                + (q == null || q.isBlank() ? "" : "，查询：" + q.strip())
                + (known == null ? "" : "，状态：" + known), null, null);
        return Workbooks.xlsx(messages, locale, "credit.submissions", List.of("credit.submission.id",
                "credit.submission.learner", "credit.submission.kind", "credit.submission.title", "credit.submission.level",
                "credit.submission.issuer", "credit.submission.achievedOn", "credit.submission.hours",
                "credit.submission.submittedAt", "common.status", "credit.line.reason",
                "credit.submission.reviewedAt"), rows);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        model.addAttribute("submission", submissions.get(id));
        return "creditbank/submission";
    }

    /** The evidence, shown in the browser, or saved with {@code download=true}. */
    @GetMapping("/{id}/evidence")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
                                    @AuthenticationPrincipal CurrentUser user) {
        AcademicCatalogueController.institution(user);
        return evidence(submissions.evidence(id).orElseThrow(() -> new NotFound("OutcomeSubmission", id)), download);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_REVIEW')")
    String accept(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return review(id, true, null, user, flash);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_REVIEW')")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return review(id, false, reason, user, flash);
    }

    private String review(long id, boolean accept, String reason, CurrentUser user, RedirectAttributes flash) {
        AcademicCatalogueController.institution(user);
        try {
            submissions.review(id, accept, reason, user.id());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", e.violations().getFirst().code());
            flash.addFlashAttribute("reason", reason);
        }
        return "redirect:/credit-bank/submissions/" + id;
    }

    /**
     * A submission's evidence as the browser shows it. Its type was recognised from its content on submission;
     * {@code nosniff} keeps the browser to that type, and the sandbox keeps an image from running anything.
     */
    static ResponseEntity<byte[]> evidence(OutcomeSubmissions.Evidence e, boolean download) {
        ContentDisposition.Builder disposition = download ? ContentDisposition.attachment()
                : ContentDisposition.inline();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(e.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(e.type()));
        if (!"application/pdf".equals(e.type())) {
            ok.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        }
        return ok.body(e.bytes());
    }

    private static String known(String status) {
        return status != null && STATUSES.contains(status) ? status : null;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
