package org.yuxun.training.enrolment;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.web.Forms;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * Enrolment from a published programme's public page (自主报名): anyone, signed in or not, with real name,
 * identity document, phone, priority-group category and evidence; a human check keeps scripts out. A learner
 * without a learner account gets one with the password they choose here; the done page shows its username once.
 */
@Controller
@RequestMapping("/public/programmes/{programmeId}/enrol")
class PublicEnrolmentController {

    private final Enrolments enrolments;
    private final EvidenceFiles evidence;
    private final HumanCheck humans;

    PublicEnrolmentController(Enrolments enrolments, EvidenceFiles evidence, HumanCheck humans) {
        this.enrolments = enrolments;
        this.evidence = evidence;
        this.humans = humans;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("groups", EnrolmentPriorityGroup.values());
    }

    @GetMapping
    String form(@PathVariable long programmeId, @RequestParam("class") long classId, Model model) {
        model.addAttribute("form", PublicEnrolForm.empty());
        return page(programmeId, classId, model);
    }

    @PostMapping
    String enrol(@PathVariable long programmeId, @RequestParam("class") long classId,
                 @Valid @ModelAttribute("form") PublicEnrolForm form, BindingResult result,
                 @RequestParam(required = false) List<MultipartFile> evidenceFiles,
                 @RequestParam(required = false) String challenge, @RequestParam(required = false) String answer,
                 HttpServletRequest request, Model model, RedirectAttributes flash) {
        page(programmeId, classId, model);
        if (!humans.allow(request.getRemoteAddr())) {
            result.reject("enrolment.public.tooMany", "提交过于频繁，请稍后再试");
            return "training/enrolment/public-form";
        }
        if (!humans.passes(challenge, answer)) {
            result.reject("enrolment.public.humanCheck.wrong", "验证题答案不正确或已过期，请重新计算");
        }
        if (form.phone() == null || form.phone().isBlank()) {
            result.rejectValue("phone", "enrolment.public.phone.required", "请填写手机号码");
        }
        if (result.hasErrors()) {
            return "training/enrolment/public-form";
        }
        List<EvidenceFiles.Stored> files;
        try {
            files = evidence.store(evidenceFiles);
        } catch (InvalidInput e) {
            model.addAttribute("evidenceError", e.violations().getFirst().defaultMessage());
            return "training/enrolment/public-form";
        }
        try {
            Enrolments.PublicEnrolment enrolment = enrolments.enrolFromPublicPage(programmeId, classId,
                    form.person(), files, form.password(), form.confirmPassword());
            flash.addFlashAttribute("enrolledName", form.name());
            enrolment.username().ifPresentOrElse(u -> flash.addFlashAttribute("username", u),
                    () -> flash.addFlashAttribute("existingAccount", true));
            return "redirect:/public/programmes/" + programmeId + "/enrol/done?class=" + classId;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "training/enrolment/public-form";
        }
    }

    @GetMapping("/done")
    String done(@PathVariable long programmeId, @RequestParam("class") long classId, Model model) {
        model.addAttribute("clazz", enrolments.publicClass(programmeId, classId));
        return "training/enrolment/public-done";
    }

    private String page(long programmeId, long classId, Model model) {
        model.addAttribute("clazz", enrolments.publicClass(programmeId, classId));
        model.addAttribute("challenge", humans.issue());
        return "training/enrolment/public-form";
    }
}
