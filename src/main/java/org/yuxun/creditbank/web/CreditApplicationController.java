package org.yuxun.creditbank.web;

import java.util.List;

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

    private final CreditExchange exchange;

    CreditApplicationController(CreditExchange exchange) {
        this.exchange = exchange;
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
