package org.yuxun.creditbank.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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
import org.yuxun.creditbank.internal.CreditExchange;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;

/**
 * Credit exchange applications an institution received, reviewed line by line (accept, or reject with a
 * reason). The application shows the outcomes the learner put in it and nothing else of the learner's account.
 */
@Controller
@RequestMapping("/credit-bank/applications")
class CreditApplicationController {

    private static final List<String> STATUSES = List.of("SUBMITTED", "REVIEWED");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(CreditExchange.ZONE);

    private final CreditExchange exchange;
    private final MessageSource messages;
    private final AuditLog audit;

    CreditApplicationController(CreditExchange exchange, MessageSource messages, AuditLog audit) {
        this.exchange = exchange;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        String known = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("page", exchange.received(q, known, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", known);
        model.addAttribute("statuses", STATUSES);
        return "creditbank/applications";
    }

    /** The list as filtered, as an Excel workbook; the export is recorded in the audit trail. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                                  @AuthenticationPrincipal CurrentUser user, Locale locale) {
        AcademicCatalogueController.institution(user);
        String known = status != null && STATUSES.contains(status) ? status : null;
        List<List<Object>> rows = new ArrayList<>();
        for (CreditExchange.Application a : exchange.received(q, known, 0, Workbooks.EXPORT_LIMIT).content()) {
            rows.add(Arrays.asList(a.id(), a.studentName(), a.studentNumber(), a.documentMasked(), a.programmeName(),
                    MINUTE.format(a.submittedAt()), messages.getMessage("credit.application.status." + a.status(),
                            null, a.status(), locale)));
        }
        audit.record("EXPORT", "CreditApplication", null, "导出 " + rows.size() + " 条"
                + (q == null || q.isBlank() ? "" : "，查询：" + q.strip())
                + (known == null ? "" : "，状态：" + known), null, null);
        return Workbooks.xlsx(messages, locale, "credit.applications", List.of("credit.application.id",
                "credit.student.name", "credit.student.number", "credit.student.document", "credit.programme",
                "credit.application.submittedAt", "common.status"), rows);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_VIEW')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        model.addAttribute("creditApplication", exchange.application(id));
        return "creditbank/application";
    }

    @PostMapping("/{id}/lines/{lineId}/accept")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_REVIEW')")
    String accept(@PathVariable long id, @PathVariable long lineId, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        return review(id, lineId, true, null, user, flash);
    }

    @PostMapping("/{id}/lines/{lineId}/reject")
    @PreAuthorize("hasAuthority('CREDIT_APPLICATION_REVIEW')")
    String reject(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return review(id, lineId, false, reason, user, flash);
    }

    private String review(long id, long lineId, boolean accept, String reason, CurrentUser user,
                          RedirectAttributes flash) {
        AcademicCatalogueController.institution(user);
        try {
            exchange.review(id, lineId, accept, reason, user.id());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", e.violations().getFirst().code());
            flash.addFlashAttribute("refusalLine", lineId);
        }
        return "redirect:/credit-bank/applications/" + id;
    }
}
