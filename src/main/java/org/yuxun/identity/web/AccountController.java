package org.yuxun.identity.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.MyAccount;
import org.yuxun.identity.PasswordPolicy;
import org.yuxun.identity.internal.ApiTokens;
import org.yuxun.identity.internal.PasswordChangeRequired;
import org.yuxun.identity.internal.UserSessions;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/account")
class AccountController {

    private final MyAccount account;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final UserSessions sessions;
    private final RoleLabels roleLabels;
    private final OneClickActions actions;
    private final YuxunProperties.Security security;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(MyAccount account, Accounts accounts, ApiTokens tokens, UserSessions sessions,
                      RoleLabels roleLabels, OneClickActions actions, YuxunProperties properties) {
        this.account = account;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.roleLabels = roleLabels;
        this.actions = actions;
        this.security = properties.security();
    }

    @ModelAttribute
    void policy(HttpServletRequest request, Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        model.addAttribute("passwordChangeRequired", PasswordChangeRequired.isRequired(request.getSession(false)));
    }

    @GetMapping
    String profile(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("profile", account.profile(user));
        model.addAttribute("roleLabels", roleLabels.all());
        model.addAttribute("permissions", user.permissions().stream().sorted().toList());
        model.addAttribute("sessionMinutes", sessionMinutes(request));
        model.addAttribute("maxFailedLogins", security.maxFailedLogins());
        model.addAttribute("lockoutMinutes", security.lockout().toMinutes());
        return "identity/account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordChangeForm.empty());
        return "identity/account-password";
    }

    /**
     * Changes the password, then renews the current session under a new id with the account read afresh, and
     * ends the user's other sessions: whoever knew the old password is signed out everywhere else.
     */
    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
                          @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return "identity/account-password";
        }
        try {
            account.changePassword(user, form.currentPassword(), form.newPassword(), form.confirmPassword());
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "identity/account-password";
        }
        sessions.endAllBut(user.username(), request.getSession().getId());
        PasswordChangeRequired.satisfied(request.getSession(false));
        request.changeSessionId();
        CurrentUser fresh = accounts.load(user.username());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        flash.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    String tokens(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", TokenForm.empty());
        return tokensPage(user, model);
    }

    /** Shows the new token once, in this response only: it is neither stored nor put into the session. */
    @PostMapping("/tokens")
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    String createToken(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") TokenForm form,
                       BindingResult result, HttpServletResponse response, Model model) {
        if (!result.hasErrors()) {
            try {
                model.addAttribute("issued", tokens.create(user.id(), form.name(), form.expiryDays()));
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
                model.addAttribute("form", TokenForm.empty());
                response.setHeader("Cache-Control", "no-store");
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        return tokensPage(user, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        actions.run(flash, () -> {
            if (!tokens.revoke(user.id(), id)) {
                throw new NotFound("ApiToken", id);
            }
        });
        return "redirect:/account/tokens";
    }

    private String tokensPage(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.ofUser(user.id()));
        model.addAttribute("maxExpiryDays", ApiTokens.MAX_EXPIRY_DAYS);
        return "identity/account-tokens";
    }

    private static long sessionMinutes(HttpServletRequest request) {
        return Duration.ofSeconds(request.getSession().getMaxInactiveInterval()).toMinutes();
    }
}
