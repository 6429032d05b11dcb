package org.yuxun.subsidy.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;
import org.yuxun.subsidy.Payee;
import org.yuxun.subsidy.internal.SubsidyClaims;
import org.yuxun.subsidy.internal.SubsidyPolicies;
import org.yuxun.subsidy.internal.SubsidyPolicy;
import org.yuxun.training.EnrolmentPriorityGroup;

/** Subsidy policies: everyone signed in reads them; an HRSS officer sets, revises and retires those of their region. */
@Controller
@RequestMapping("/subsidy/policies")
class PolicyController {

    static final List<String> PROGRAMME_TYPES = List.of("JOB_SKILLS", "EMPLOYMENT_ENTREPRENEURSHIP", "REEMPLOYMENT",
            "ENTERPRISE_APPRENTICESHIP", "CONTINUING_EDUCATION", "ADVANCED_SEMINAR", "TECHNICAL_SERVICE", "OTHER");

    private final SubsidyPolicies policies;
    private final MessageSource messages;

    PolicyController(SubsidyPolicies policies, MessageSource messages) {
        this.policies = policies;
        this.messages = messages;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("programmeTypes", PROGRAMME_TYPES);
        model.addAttribute("groups", Arrays.stream(EnrolmentPriorityGroup.values())
                .filter(g -> g != EnrolmentPriorityGroup.NONE).map(Enum::name).toList());
        model.addAttribute("levels", List.of(5, 4, 3, 2, 1));
        model.addAttribute("payees", Payee.values());
        model.addAttribute("today", LocalDate.now(SubsidyClaims.ZONE));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", policies.search(q, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        return "subsidy/policies";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_MANAGE')")
    String newForm(Model model) {
        PolicyForm form = new PolicyForm();
        form.setValidFrom(LocalDate.now(SubsidyClaims.ZONE));
        model.addAttribute("form", form);
        return "subsidy/policy-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_MANAGE')")
    String create(@ModelAttribute("form") PolicyForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user) {
        if (result.hasErrors()) {
            return "subsidy/policy-form";
        }
        DataScope scope = user.dataScope();
        if (user.orgKind() != CurrentUser.OrgKind.AUTHORITY || scope.kind() != DataScope.Kind.HRSS_AUTHORITY
                || scope.regionPrefix() == null) {
            result.reject("subsidy.policy.hrssOnly", "只有人力资源社会保障部门可以制定本地区的补贴政策");
            return "subsidy/policy-form";
        }
        try {
            SubsidyPolicy created = policies.create(form.command(), user.orgId(), scope.regionPrefix(), user.id());
            return "redirect:/subsidy/policies/" + created.id();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "subsidy/policy-form";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_VIEW')")
    String show(@PathVariable long id, Model model) {
        SubsidyPolicy policy = policies.get(id);
        model.addAttribute("policy", policy);
        model.addAttribute("versions", policies.versions(policy.key()));
        return "subsidy/policy";
    }

    @GetMapping("/{id}/version")
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_MANAGE')")
    String versionForm(@PathVariable long id, Model model) {
        SubsidyPolicy policy = policies.get(id);
        PolicyForm form = PolicyForm.of(policy);
        form.setValidFrom(LocalDate.now(SubsidyClaims.ZONE).plusDays(1));
        model.addAttribute("form", form);
        model.addAttribute("policy", policy);
        return "subsidy/policy-form";
    }

    @PostMapping("/{id}/version")
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_MANAGE')")
    String newVersion(@PathVariable long id, @ModelAttribute("form") PolicyForm form, BindingResult result,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        SubsidyPolicy policy = policies.get(id);
        model.addAttribute("policy", policy);
        if (result.hasErrors()) {
            return "subsidy/policy-form";
        }
        try {
            SubsidyPolicy created = policies.newVersion(id, form.command(), user.id());
            return "redirect:/subsidy/policies/" + created.id();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "subsidy/policy-form";
        }
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('SUBSIDY_POLICY_MANAGE')")
    String retire(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        try {
            policies.retire(id, version, LocalDate.now(SubsidyClaims.ZONE));
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().getFirst();
            flash.addFlashAttribute("problem", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/subsidy/policies/" + id;
    }
}
