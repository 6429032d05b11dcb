package org.yuxun.creditbank.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.creditbank.internal.OutcomeSubmissions;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.web.Forms;

/**
 * "我的成果申报" on a phone: the learner submits an outcome that no institution recorded for them (a competition
 * award, an outside certificate …) with evidence to the institution of their choice, which reviews it (认定), and
 * follows its status and, when rejected, the reason (seeds/001 §二(九)).
 */
@Controller
@RequestMapping("/my/outcome-submissions")
class MyOutcomeSubmissionController {

    /** What the learner fills in; the evidence is a file part of the same form. */
    record SubmissionForm(Long institutionId, OutcomeKind kind, String title, String issuer,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate achievedOn, BigDecimal hours,
                          String level, MultipartFile evidence) {

        static SubmissionForm empty() {
            return new SubmissionForm(null, OutcomeKind.COMPETITION, "", "", null, null, "", null);
        }
    }

    private final OutcomeSubmissions submissions;

    MyOutcomeSubmissionController(OutcomeSubmissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        Long person = user.dataScope().personId();
        model.addAttribute("submissions", person == null ? List.of() : submissions.mine(person));
        return "creditbank/my-submissions";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", SubmissionForm.empty());
        return form(person(user), model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String submit(@ModelAttribute("form") SubmissionForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        long person = person(user);
        if (result.hasErrors()) {
            return form(person, model);
        }
        try {
            MultipartFile file = form.evidence();
            submissions.submit(person, new OutcomeSubmissions.NewSubmission(form.institutionId(), form.kind(),
                    form.title(), form.issuer(), form.achievedOn(), form.hours(), form.level(),
                    file == null ? null : file.getOriginalFilename(), bytes(file)));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return form(person, model);
        }
        flash.addFlashAttribute("submitted", true);
        return "redirect:/my/outcome-submissions";
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            submissions.withdraw(person(user), id);
            flash.addFlashAttribute("withdrawn", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("refusal", e.violations().getFirst().code());
        }
        return "redirect:/my/outcome-submissions";
    }

    /** The learner's own evidence (row-level security shows a learner only their own submissions). */
    @GetMapping("/{id}/evidence")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        person(user);
        return OutcomeSubmissionController.evidence(submissions.evidence(id).orElseThrow(
                () -> new NotFound("OutcomeSubmission", id)), false);
    }

    private String form(long person, Model model) {
        model.addAttribute("institutions", submissions.institutions(person));
        model.addAttribute("kinds", OutcomeSubmissions.KINDS);
        model.addAttribute("maxMb", OutcomeSubmissions.MAX_EVIDENCE_BYTES / 1024 / 1024);
        return "creditbank/my-submission-form";
    }

    /**
     * The file's first bytes, one more than the limit at most: enough for the submission to tell a file too large
     * without holding all of it in memory.
     */
    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(OutcomeSubmissions.MAX_EVIDENCE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long person(CurrentUser user) {
        Long person = user.dataScope().personId();
        if (person == null) {
            throw new NotFound("Person", "of " + user.getUsername());
        }
        return person;
    }
}
