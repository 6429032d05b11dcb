package org.yuxun.training.assessment;

import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.shared.InvalidInput;
import org.yuxun.training.assessment.AssessedClasses.AssessedClass;

/** Completion of a class: the preview of every learner's result, the completion itself, and the results after it. */
@Controller
@RequestMapping("/classes/{classId}/completion")
class CompletionController {

    private final Completions completions;
    private final MessageSource messages;

    CompletionController(Completions completions, MessageSource messages) {
        this.completions = completions;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CLASS_COMPLETE')")
    String show(@PathVariable long classId, Model model) {
        AssessedClass assessed = completions.assessedClass(classId);
        model.addAttribute("clazz", assessed);
        model.addAttribute("results", assessed.completed() ? completions.results(classId)
                : completions.preview(classId));
        return "training/assessment/completion";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CLASS_COMPLETE')")
    String complete(@PathVariable long classId, RedirectAttributes flash) {
        try {
            completions.complete(classId);
            flash.addFlashAttribute("completedNow", true);
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().getFirst();
            flash.addFlashAttribute("refusal",
                    messages.getMessage(v.code(), v.args(), v.defaultMessage(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/classes/" + classId + "/completion";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CLASS_COMPLETE')")
    ResponseEntity<byte[]> export(@PathVariable long classId) {
        byte[] body = completions.export(classId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("结业结果-" + classId + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
