package org.yuxun.training.catalogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/classes")
class ClassController {

    private static final String FORM = "training/catalogue/class-form";
    private static final String SESSION_FORM = "training/catalogue/session-form";
    private static final String PATTERN_FORM = "training/catalogue/session-pattern";

    private final ClassManagement classes;
    private final Schedule schedule;
    private final Refusals refusals;

    ClassController(ClassManagement classes, Schedule schedule, Refusals refusals) {
        this.classes = classes;
        this.schedule = schedule;
        this.refusals = refusals;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("classStatuses", ClassStatus.values());
        model.addAttribute("sessionKinds", SessionKind.values());
        model.addAttribute("weekdays", DayOfWeek.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CLASS_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ClassStatus status,
                @RequestParam(required = false) Long programme,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", classes.search(new ClassManagement.Criteria(q, status, programme, from, to),
                Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("programmes", classes.runnableProgrammes());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("programme", programme);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "training/catalogue/classes";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('CLASS_CREATE')")
    String createForm(@RequestParam(required = false) Long programme, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        model.addAttribute("form", ClassForm.empty(programme));
        return form(model, user.orgId());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CLASS_CREATE')")
    String create(@Valid @ModelAttribute("form") ClassForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return form(model, user.orgId());
        }
        try {
            long id = classes.create(form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/classes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return form(model, user.orgId());
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CLASS_VIEW')")
    String show(@PathVariable long id, Model model) {
        ClassManagement.ClassView c = classes.get(id);
        model.addAttribute("trainingClass", c);
        model.addAttribute("sessions", schedule.sessions(id));
        model.addAttribute("hours", schedule.hours(c));
        return "training/catalogue/class";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('CLASS_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        ClassManagement.ClassView c = classes.get(id);
        model.addAttribute("trainingClass", c);
        model.addAttribute("form", ClassForm.of(c));
        return form(model, c.institutionId());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('CLASS_EDIT')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") ClassForm form, BindingResult result,
                Model model, RedirectAttributes flash) {
        ClassManagement.ClassView c = classes.get(id);
        model.addAttribute("trainingClass", c);
        if (result.hasErrors()) {
            return form(model, c.institutionId());
        }
        try {
            classes.edit(id, form.command(), form.version() == null ? c.version() : form.version());
            flash.addFlashAttribute("saved", true);
            return "redirect:/classes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return form(model, c.institutionId());
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            return form(model, c.institutionId());
        }
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('CLASS_EDIT')")
    String changeStatus(@PathVariable long id, @RequestParam ClassStatus target,
                        @RequestParam(required = false) String reason, @RequestParam int version, Locale locale,
                        RedirectAttributes flash) {
        try {
            classes.changeStatus(id, target, reason, version);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", refusals.text(e, locale));
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("refusal", refusals.concurrentEdit(locale));
        }
        return "redirect:/classes/" + id;
    }

    @GetMapping("/{id}/sessions/new")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String newSession(@PathVariable long id, Model model) {
        ClassManagement.ClassView c = classes.get(id);
        model.addAttribute("form", SessionForm.empty(c.startDate()));
        return sessionForm(model, c, null);
    }

    @PostMapping("/{id}/sessions")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String addSession(@PathVariable long id, @Valid @ModelAttribute("form") SessionForm form, BindingResult result,
                      Model model, RedirectAttributes flash) {
        ClassManagement.ClassView c = classes.get(id);
        if (result.hasErrors()) {
            return sessionForm(model, c, null);
        }
        try {
            schedule.add(id, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/classes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return sessionForm(model, c, null);
        }
    }

    @GetMapping("/{id}/sessions/{sessionId}/edit")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String editSession(@PathVariable long id, @PathVariable long sessionId, Model model) {
        ClassManagement.ClassView c = classes.get(id);
        Schedule.SessionView s = schedule.session(id, sessionId);
        model.addAttribute("form", SessionForm.of(s));
        return sessionForm(model, c, s);
    }

    @PostMapping("/{id}/sessions/{sessionId}")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String updateSession(@PathVariable long id, @PathVariable long sessionId,
                         @Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
                         RedirectAttributes flash) {
        ClassManagement.ClassView c = classes.get(id);
        Schedule.SessionView s = schedule.session(id, sessionId);
        if (result.hasErrors()) {
            return sessionForm(model, c, s);
        }
        try {
            schedule.edit(id, sessionId, form.command(), form.version() == null ? s.version() : form.version());
            flash.addFlashAttribute("saved", true);
            return "redirect:/classes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return sessionForm(model, c, s);
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            return sessionForm(model, c, s);
        }
    }

    @PostMapping("/{id}/sessions/{sessionId}/delete")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String deleteSession(@PathVariable long id, @PathVariable long sessionId, Locale locale,
                         RedirectAttributes flash) {
        try {
            schedule.delete(id, sessionId);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", refusals.text(e, locale));
        }
        return "redirect:/classes/" + id;
    }

    @GetMapping("/{id}/sessions/pattern")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String patternForm(@PathVariable long id, Model model) {
        ClassManagement.ClassView c = classes.get(id);
        model.addAttribute("form", PatternForm.empty(c));
        return patternForm(model, c, null);
    }

    @PostMapping("/{id}/sessions/pattern/preview")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String preview(@PathVariable long id, @Valid @ModelAttribute("form") PatternForm form, BindingResult result,
                   Model model) {
        ClassManagement.ClassView c = classes.get(id);
        if (result.hasErrors()) {
            return patternForm(model, c, null);
        }
        try {
            return patternForm(model, c, schedule.preview(id, form.pattern()));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return patternForm(model, c, null);
        }
    }

    @PostMapping("/{id}/sessions/pattern")
    @PreAuthorize("hasAuthority('CLASS_SCHEDULE')")
    String generate(@PathVariable long id, @Valid @ModelAttribute("form") PatternForm form, BindingResult result,
                    Model model, RedirectAttributes flash) {
        ClassManagement.ClassView c = classes.get(id);
        if (result.hasErrors()) {
            return patternForm(model, c, null);
        }
        try {
            schedule.generateAndSave(id, form.pattern());
            flash.addFlashAttribute("saved", true);
            return "redirect:/classes/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return patternForm(model, c, schedule.preview(id, form.pattern()));
        }
    }

    private String form(Model model, Long institutionId) {
        model.addAttribute("programmes", classes.runnableProgrammes());
        model.addAttribute("teachers", institutionId == null ? List.of() : classes.teachers(institutionId));
        model.addAttribute("venues", classes.venues());
        model.addAttribute("enterprises", classes.enterprises());
        return FORM;
    }

    private String sessionForm(Model model, ClassManagement.ClassView c, Schedule.SessionView session) {
        model.addAttribute("trainingClass", c);
        model.addAttribute("scheduled", session);
        model.addAttribute("teachers", classes.teachers(c.institutionId()));
        model.addAttribute("venues", classes.venues());
        model.addAttribute("hours", schedule.hours(c));
        return SESSION_FORM;
    }

    private String patternForm(Model model, ClassManagement.ClassView c, List<Schedule.Candidate> candidates) {
        model.addAttribute("trainingClass", c);
        model.addAttribute("candidates", candidates);
        model.addAttribute("teachers", classes.teachers(c.institutionId()));
        model.addAttribute("venues", classes.venues());
        model.addAttribute("hours", schedule.hours(c));
        return PATTERN_FORM;
    }
}
