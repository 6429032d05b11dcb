package org.yuxun.creditbank.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.internal.CreditExchange;
import org.yuxun.creditbank.internal.LearningAccounts;
import org.yuxun.creditbank.internal.OutcomeSubmissions;
import org.yuxun.creditbank.internal.Transcripts;
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
    private final Transcripts transcripts;
    private final OutcomeSubmissions submissions;

    MyLearningAccountController(LearningAccounts accounts, CreditExchange exchange, MessageSource messages,
                                Transcripts transcripts, OutcomeSubmissions submissions) {
        this.submissions = submissions;
        this.accounts = accounts;
        this.exchange = exchange;
        this.messages = messages;
        this.transcripts = transcripts;
    }

    @GetMapping("/my/learning-account")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        Long person = user.dataScope().personId();
        model.addAttribute("account", person == null ? null : accounts.account(person));
        model.addAttribute("studentships", person == null ? List.of() : exchange.studentships(person));
        model.addAttribute("awards", person == null ? List.of() : exchange.awards(person));
        model.addAttribute("applications", person == null ? List.of() : exchange.mine(person));
        model.addAttribute("pendingSubmissions", person == null ? 0 : submissions.mine(person).stream()
                .filter(s -> "SUBMITTED".equals(s.status())).count());
        model.addAttribute("transcriptInstitutions", person == null ? List.of() : exchange.awards(person).stream()
                .map(a -> java.util.Map.entry(a.institutionId(), a.institutionName())).distinct().toList());
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

    @GetMapping("/my/transcripts/{institutionId}/pdf")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    ResponseEntity<byte[]> transcriptPdf(@PathVariable long institutionId, @AuthenticationPrincipal CurrentUser user) {
        Transcripts.Transcript t = transcripts.of(person(user), institutionId);
        return download(transcripts.pdf(t), "transcript-" + institutionId + ".pdf", MediaType.APPLICATION_PDF);
    }

    /** The signed ClrCredential (vc+jwt), verifiable at {@code POST /api/v1/credentials/verify}. */
    @GetMapping("/my/transcripts/{institutionId}/credential")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    ResponseEntity<byte[]> transcriptCredential(@PathVariable long institutionId,
                                                @AuthenticationPrincipal CurrentUser user) {
        long person = person(user);
        Transcripts.Transcript t = transcripts.of(person, institutionId);
        return download(transcripts.credential(person, t).getBytes(StandardCharsets.US_ASCII),
                "transcript-" + institutionId + ".jwt", MediaType.parseMediaType("application/vc+jwt"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .contentType(type).body(body);
    }

    private static long person(CurrentUser user) {
        Long person = user.dataScope().personId();
        if (person == null) {
            throw new NotFound("Person", "of " + user.getUsername());
        }
        return person;
    }
}
