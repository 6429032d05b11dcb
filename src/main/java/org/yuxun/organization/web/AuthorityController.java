package org.yuxun.organization.web;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.yuxun.organization.AuthorityKind;
import org.yuxun.organization.AuthorityLevel;
import org.yuxun.organization.AuthorityManagement;
import org.yuxun.organization.AuthorityManagement.AuthorityView;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/authorities")
class AuthorityController {

    private final AuthorityManagement authorities;

    AuthorityController(AuthorityManagement authorities) {
        this.authorities = authorities;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", AuthorityKind.values());
        model.addAttribute("levels", AuthorityLevel.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AUTHORITY_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) AuthorityKind kind,
                @RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("page", authorities.search(q, kind, active, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("active", active);
        return "organization/authorities";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('AUTHORITY_CREATE')")
    String createForm(Model model) {
        model.addAttribute("form", AuthorityForm.empty());
        return "organization/authority-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('AUTHORITY_CREATE')")
    String create(@Valid @ModelAttribute("form") AuthorityForm form, BindingResult result, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return "organization/authority-form";
        }
        try {
            long id = authorities.create(form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/authorities/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "organization/authority-form";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('AUTHORITY_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("authority", authorities.get(id));
        return "organization/authority";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('AUTHORITY_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        AuthorityView authority = authorities.get(id);
        model.addAttribute("authority", authority);
        model.addAttribute("form", AuthorityForm.of(authority));
        return "organization/authority-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('AUTHORITY_EDIT')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") AuthorityForm form, BindingResult result,
                Model model, RedirectAttributes flash) {
        model.addAttribute("authority", authorities.get(id));
        if (result.hasErrors()) {
            return "organization/authority-form";
        }
        try {
            authorities.edit(id, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/authorities/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "organization/authority-form";
        }
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('AUTHORITY_DEACTIVATE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version,
                     RedirectAttributes flash) {
        authorities.setActive(id, active, version);
        flash.addFlashAttribute("saved", true);
        return "redirect:/authorities/" + id;
    }
}
