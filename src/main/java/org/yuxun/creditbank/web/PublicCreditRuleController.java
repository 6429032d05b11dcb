package org.yuxun.creditbank.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.creditbank.internal.ConversionRules;
import org.yuxun.creditbank.internal.CreditExchange;
import org.yuxun.shared.Page;

/**
 * The public catalogue of published conversion rules (转换规则): which outcome converts into which course at which
 * institution, searchable by anyone. Row-level security shows published rules and the courses they name only.
 */
@Controller
class PublicCreditRuleController {

    private final ConversionRules rules;

    PublicCreditRuleController(ConversionRules rules) {
        this.rules = rules;
    }

    @GetMapping("/public/credit-rules")
    String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                     Model model) {
        model.addAttribute("page", rules.search(q, true, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("today", CreditExchange.today());
        return "creditbank/public-rules";
    }
}
