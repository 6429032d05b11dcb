package org.yuxun.creditbank.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.internal.CreditExchange;
import org.yuxun.creditbank.internal.LearningAccounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * "我的学习账户" on a phone: the learner's outcomes, credits by category, credits and exemptions converted at
 * institutions and the history of applications; applying to convert outcomes at the institution where the learner
 * is a student.
 */
@Controller
class MyLearningAccountController {

    private final LearningAccounts accounts;
    private final CreditExchange exchange;
    private final MessageSource messages;

    MyLearningAccountController(LearningAccounts accounts, CreditExchange exchange, MessageSource messages) {
        this.accounts = accounts;
        this.exchange = exchange;
        this.messages = messages;
    }

    @GetMapping("/my/learning-account")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        Long person = user.dataScope().personId();
        model.addAttribute("account", person == null ? null : accounts.account(person));
        model.addAttribute("studentships", person == null ? List.of() : exchange.studentships(person));
        model.addAttribute("awards", person == null ? List.of() : exchange.awards(person));
        model.addAttribute("applications", person == null ? List.of() : exchange.mine(person));
        return "creditbank/my-account";
    }

    @GetMapping("/my/credit-applications/new")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String newApplication(@RequestParam long student, @AuthenticationPrincipal CurrentUser user, Model model) {
        long person = person(user);
        model.addAttribute("student", exchange.studentships(person).stream().filter(s -> s.id() == student)
                .findFirst().orElseThrow(() -> new NotFound("ProgrammeStudent", student)));
        model.addAttribute("proposals", exchange.propose(person, student));
        return "creditbank/my-application-form";
    }

    @PostMapping("/my/credit-applications")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String apply(@RequestParam long student, @RequestParam(required = false) List<String> choices,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        long person = person(user);
        try {
            exchange.apply(person, student, choices);
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().getFirst();
            model.addAttribute("error", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
            return newApplication(student, user, model);
        }
        flash.addFlashAttribute("applied", true);
        return "redirect:/my/learning-account";
    }

    private static long person(CurrentUser user) {
        Long person = user.dataScope().personId();
        if (person == null) {
            throw new NotFound("Person", "of " + user.getUsername());
        }
        return person;
    }
}
