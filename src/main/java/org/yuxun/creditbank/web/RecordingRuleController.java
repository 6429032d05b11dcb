package org.yuxun.creditbank.web;

import java.math.BigDecimal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.creditbank.internal.LearningAccounts;
import org.yuxun.shared.InvalidInput;

/**
 * The recording rules of the credit bank: how many hours of each kind of outcome make one credit (DESIGN.md,
 * "Policy numbers are settings"; 16 by default, the seeds cite 16–18). Everyone on the credit bank's pages may
 * read them; the platform administrator changes them.
 */
@Controller
class RecordingRuleController {

    private final LearningAccounts accounts;

    RecordingRuleController(LearningAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/credit-bank/recording-rules")
    @PreAuthorize("hasAnyAuthority('CREDIT_CATALOGUE_VIEW', 'CREDIT_SETTING_EDIT')")
    String show(Model model) {
        model.addAttribute("rules", accounts.recordingRules());
        return "creditbank/recording-rules";
    }

    @PostMapping("/credit-bank/recording-rules")
    @PreAuthorize("hasAuthority('CREDIT_SETTING_EDIT')")
    String change(@RequestParam OutcomeKind kind, @RequestParam(required = false) BigDecimal hoursPerCredit,
                  RedirectAttributes flash) {
        try {
            accounts.changeRecordingRule(kind, hoursPerCredit);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", e.violations().getFirst().code());
        }
        return "redirect:/credit-bank/recording-rules";
    }
}
