package org.yuxun.training.attendance;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/** Leave requests: learners file them, teachers and the training office decide; each sees what their scope holds. */
@Controller
class LeaveController {

    private final LeaveRequests leave;
    private final MessageSource messages;

    LeaveController(LeaveRequests leave, MessageSource messages) {
        this.leave = leave;
        this.messages = messages;
    }

    @GetMapping("/leave")
    @PreAuthorize("hasAnyAuthority('LEAVE_APPROVE', 'MY_TRAINING')")
    String list(Model model) {
        model.addAttribute("requests", leave.list());
        return "training/attendance/leave-list";
    }

    @GetMapping("/leave/new")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String form(@RequestParam long session, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.dataScope().personId() == null) {
            throw new NotFound("class_session", session);
        }
        model.addAttribute("lesson", leave.session(session));
        return "training/attendance/leave-form";
    }

    @PostMapping("/leave")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String request(@RequestParam long session, @RequestParam(required = false) String reason,
                   @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash, Locale locale) {
        Long person = user.dataScope().personId();
        if (person == null) {
            throw new NotFound("class_session", session);
        }
        try {
            leave.request(session, person, reason);
        } catch (InvalidInput e) {
            model.addAttribute("lesson", leave.session(session));
            model.addAttribute("reason", reason);
            model.addAttribute("error", message(e, locale));
            return "training/attendance/leave-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/leave";
    }

    @PostMapping("/leave/{id}/decision")
    @PreAuthorize("hasAuthority('LEAVE_APPROVE')")
    String decide(@PathVariable long id, @RequestParam boolean approve, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        leave.decide(id, approve, user.id());
        flash.addFlashAttribute("saved", true);
        return "redirect:/leave";
    }

    private String message(InvalidInput e, Locale locale) {
        InvalidInput.Violation violation = e.violations().getFirst();
        return messages.getMessage(violation.code(), violation.args(), violation.defaultMessage(), locale);
    }
}
