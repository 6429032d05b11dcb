package org.yuxun.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
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
import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.identity.PasswordPolicy;
import org.yuxun.identity.UserManagement;
import org.yuxun.identity.UserManagement.Status;
import org.yuxun.identity.UserManagement.UserFilter;
import org.yuxun.identity.UserManagement.UserView;
import org.yuxun.identity.internal.Organisations;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/users")
class UserController {

    private final UserManagement users;
    private final RoleLabels roleLabels;
    private final OneClickActions actions;

    UserController(UserManagement users, RoleLabels roleLabels, OneClickActions actions) {
        this.users = users;
        this.roleLabels = roleLabels;
        this.actions = actions;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("orgKinds", OrgKind.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("roleLabels", roleLabels.all());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('USER_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) OrgKind orgKind, @RequestParam(required = false) Status status,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", users.search(new UserFilter(q, role, orgKind, status), Page.clamp(page),
                Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("orgKind", orgKind);
        model.addAttribute("status", status);
        return "identity/users";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('USER_CREATE')")
    String createForm(@AuthenticationPrincipal CurrentUser actor, Model model) {
        model.addAttribute("form", UserForm.empty());
        return createPage(actor, UserForm.empty(), model);
    }

    /** The organisation picker's choices for a kind, narrowed by what the administrator typed (htmx). */
    @GetMapping("/organisations")
    @PreAuthorize("hasAuthority('USER_CREATE')")
    String organisations(@AuthenticationPrincipal CurrentUser actor,
                         @RequestParam(required = false) OrgKind orgKind,
                         @RequestParam(required = false) String orgSearch, Model model) {
        model.addAttribute("orgChoices", users.organisationChoices(actor, orgKind, orgSearch));
        model.addAttribute("orgKind", orgKind);
        return "identity/user-form :: orgOptions";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('USER_CREATE')")
    String create(@AuthenticationPrincipal CurrentUser actor, @ModelAttribute("form") UserForm form,
                  BindingResult result, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return createPage(actor, form, model);
        }
        try {
            long id = users.create(actor, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/users/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return createPage(actor, form, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('USER_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", users.get(id));
        return "identity/user";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('USER_EDIT')")
    String editForm(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("form", UserEditForm.of(user));
        return editPage(actor, user, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('USER_EDIT')")
    String edit(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
                @ModelAttribute("form") UserEditForm form, BindingResult result, Model model,
                RedirectAttributes flash) {
        UserView user = users.get(id);
        if (result.hasErrors()) {
            return editPage(actor, user, model);
        }
        try {
            users.edit(actor, id, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/users/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
        }
        return editPage(actor, user, model);
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('USER_DISABLE')")
    String setEnabled(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
                      @RequestParam boolean enabled, @RequestParam int version, RedirectAttributes flash) {
        actions.run(flash, () -> users.setEnabled(actor, id, enabled, version));
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('USER_RESET_PASSWORD')")
    String unlock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestParam int version,
                  RedirectAttributes flash) {
        actions.run(flash, () -> users.unlock(actor, id, version));
        return "redirect:/users/" + id;
    }

    @GetMapping("/{id}/password")
    @PreAuthorize("hasAuthority('USER_RESET_PASSWORD')")
    String resetForm(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", PasswordResetForm.of(user.version()));
        return "identity/user-password";
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('USER_RESET_PASSWORD')")
    String reset(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
                 @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
                 RedirectAttributes flash) {
        UserView user = users.get(id);
        model.addAttribute("user", user);
        if (result.hasErrors()) {
            return "identity/user-password";
        }
        try {
            users.resetPassword(actor, id, form.password(), form.confirmPassword(),
                    form.version() == null ? -1 : form.version());
            flash.addFlashAttribute("saved", true);
            return "redirect:/users/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
        }
        return "identity/user-password";
    }

    private String createPage(CurrentUser actor, UserForm form, Model model) {
        model.addAttribute("grantable", users.grantableRoles(actor));
        model.addAttribute("choosesOrganisation", users.choosesOrganisation(actor));
        List<Organisations.Choice> choices = new ArrayList<>(
                users.organisationChoices(actor, form.orgKind(), null));
        if (form.orgId() != null && choices.stream().noneMatch(c -> c.id() == form.orgId())) {
            choices.addFirst(new Organisations.Choice(form.orgId(),
                    users.organisationName(form.orgKind(), form.orgId())));
        }
        model.addAttribute("orgChoices", choices);
        model.addAttribute("orgKind", form.orgKind());
        return "identity/user-form";
    }

    private String editPage(CurrentUser actor, UserView user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("grantable", users.grantableRoles(actor).stream()
                .filter(r -> r.organisation() == user.orgKind())
                .toList());
        return "identity/user-edit";
    }
}
