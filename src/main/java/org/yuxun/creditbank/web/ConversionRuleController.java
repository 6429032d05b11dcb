package org.yuxun.creditbank.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.internal.AcademicCatalogue;
import org.yuxun.creditbank.internal.ConversionRules;
import org.yuxun.creditbank.internal.CreditExchange;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

/** An institution's conversion rules: list, create, edit drafts, publish, withdraw. */
@Controller
@RequestMapping("/credit-bank/rules")
class ConversionRuleController {

    private final ConversionRules rules;
    private final AcademicCatalogue catalogue;

    ConversionRuleController(ConversionRules rules, AcademicCatalogue catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("outcomeTypes", ConversionRules.OUTCOME_TYPES);
        model.addAttribute("certificateKinds", ConversionRules.CERTIFICATE_KINDS);
        model.addAttribute("skillLevels", java.util.List.of(1, 2, 3, 4, 5));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        model.addAttribute("page", rules.search(q, false, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        return "creditbank/rules";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('CREDIT_RULE_EDIT')")
    String create(Model model) {
        model.addAttribute("form", RuleForm.empty(CreditExchange.today()));
        model.addAttribute("courses", catalogue.allCourses());
        return "creditbank/rule-form";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ConversionRules.Rule rule = rules.get(id);
        if (rule.institutionId() != AcademicCatalogueController.institution(user)) {
            throw new org.yuxun.shared.NotFound("ConversionRule", id);
        }
        model.addAttribute("rule", rule);
        return "creditbank/rule";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('CREDIT_RULE_EDIT')")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ConversionRules.Rule rule = own(id, user);
        model.addAttribute("id", id);
        model.addAttribute("form", RuleForm.of(rule));
        model.addAttribute("courses", catalogue.allCourses());
        return "creditbank/rule-form";
    }

    @PostMapping({"", "/{id}"})
    @PreAuthorize("hasAuthority('CREDIT_RULE_EDIT')")
    String save(@PathVariable(required = false) Long id, @ModelAttribute("form") RuleForm form, BindingResult result,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        long institution = AcademicCatalogueController.institution(user);
        if (id != null) {
            own(id, user);
        }
        model.addAttribute("id", id);
        model.addAttribute("courses", catalogue.allCourses());
        if (result.hasErrors()) {
            return "creditbank/rule-form";
        }
        long saved;
        try {
            saved = rules.save(id, institution, form.draft(), CatalogueForms.version(form.version()));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "creditbank/rule-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/rules/" + saved;
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('CREDIT_RULE_PUBLISH')")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "0") int version,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return transition(id, "PUBLISHED", version, user, flash);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('CREDIT_RULE_PUBLISH')")
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "0") int version,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return transition(id, "WITHDRAWN", version, user, flash);
    }

    private String transition(long id, String status, int version, CurrentUser user, RedirectAttributes flash) {
        own(id, user);
        try {
            rules.changeStatus(id, status, version);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", e.violations().getFirst().code());
        }
        return "redirect:/credit-bank/rules/" + id;
    }

    /** The caller's own rule: a published rule of another institution is public, but not theirs to change. */
    private ConversionRules.Rule own(long id, CurrentUser user) {
        ConversionRules.Rule rule = rules.get(id);
        if (rule.institutionId() != AcademicCatalogueController.institution(user)) {
            throw new org.yuxun.shared.NotFound("ConversionRule", id);
        }
        return rule;
    }
}
