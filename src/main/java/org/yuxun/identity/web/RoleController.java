package org.yuxun.identity.web;

import java.util.EnumSet;
import java.util.Set;

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
import org.yuxun.identity.Permission;
import org.yuxun.identity.RoleManagement;
import org.yuxun.identity.RoleManagement.RoleView;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/roles")
class RoleController {

    private final RoleManagement roles;
    private final RoleLabels roleLabels;
    private final OneClickActions actions;

    RoleController(RoleManagement roles, RoleLabels roleLabels, OneClickActions actions) {
        this.roles = roles;
        this.roleLabels = roleLabels;
        this.actions = actions;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("scopeKinds", RoleManagement.ROLE_SCOPE_KINDS);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ROLE_VIEW')")
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        model.addAttribute("userCounts", roles.userCounts());
        model.addAttribute("roleLabels", roleLabels.all());
        return "identity/roles";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('ROLE_EDIT')")
    String createForm(Model model) {
        model.addAttribute("form", RoleForm.empty());
        return "identity/role-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROLE_EDIT')")
    String create(@AuthenticationPrincipal CurrentUser actor, @ModelAttribute("form") RoleForm form,
                  BindingResult result, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return "identity/role-form";
        }
        try {
            roles.create(actor, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/roles/" + form.command().code();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "identity/role-form";
        }
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('ROLE_VIEW')")
    String show(@AuthenticationPrincipal CurrentUser actor, @PathVariable String code, Model model) {
        RoleView role = roles.get(code);
        model.addAttribute("role", role);
        model.addAttribute("label", roleLabels.label(role));
        model.addAttribute("userCount", roles.userCounts().getOrDefault(code, 0L));
        model.addAttribute("granted", roles.permissions(code));
        model.addAttribute("matrix", roles.matrix());
        model.addAttribute("editable", actor.can(Permission.ROLE_EDIT)
                && actor.dataScope().kind() == DataScope.Kind.PLATFORM);
        return "identity/role";
    }

    @PostMapping("/{code}/permissions")
    @PreAuthorize("hasAuthority('ROLE_EDIT')")
    String setPermissions(@AuthenticationPrincipal CurrentUser actor, @PathVariable String code,
                          @RequestParam(required = false) Set<Permission> permissions, @RequestParam int version,
                          RedirectAttributes flash) {
        actions.run(flash, () -> roles.setPermissions(actor, code,
                permissions == null ? EnumSet.noneOf(Permission.class) : permissions, version));
        return "redirect:/roles/" + code;
    }

    @PostMapping("/{code}/delete")
    @PreAuthorize("hasAuthority('ROLE_EDIT')")
    String delete(@AuthenticationPrincipal CurrentUser actor, @PathVariable String code, RedirectAttributes flash) {
        if (actions.run(flash, () -> roles.delete(actor, code))) {
            return "redirect:/roles";
        }
        return "redirect:/roles/" + code;
    }
}
