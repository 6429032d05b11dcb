package org.yuxun.training.enrolment;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.database.ScopedDataSource;
import org.yuxun.shared.web.Forms;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * Enterprise HR and the classes their enterprise commissioned (企业委托培训): the classes, their workers in each,
 * and enrolling further workers.
 */
@Controller
@RequestMapping("/enterprise/enrolments")
class EnterpriseEnrolmentController {

    private final Enrolments enrolments;
    private final EnrolmentStore store;
    private final OrganizationDirectory organizations;

    EnterpriseEnrolmentController(Enrolments enrolments, EnrolmentStore store, OrganizationDirectory organizations) {
        this.enrolments = enrolments;
        this.store = store;
        this.organizations = organizations;
    }

    /** A commissioned class with the name of the institution that runs it. */
    record ClassLine(EnrolmentStore.CommissionedClass c, String institutionName) {
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("groups", EnrolmentPriorityGroup.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ENROLMENT_VIEW')")
    String classes(Model model) {
        model.addAttribute("classes", store.commissionedClasses(enterprise()).stream()
                .map(c -> new ClassLine(c, organizations.institutionName(c.institutionId()).orElse("")))
                .toList());
        return "training/enrolment/enterprise-classes";
    }

    @GetMapping("/{classId}")
    @PreAuthorize("hasAuthority('ENROLMENT_VIEW')")
    String roster(@PathVariable long classId, Model model) {
        model.addAttribute("form", EnrolForm.empty());
        return page(classId, model);
    }

    @PostMapping("/{classId}")
    @PreAuthorize("hasAuthority('ENROLMENT_CREATE')")
    String enrol(@PathVariable long classId, @Valid @ModelAttribute("form") EnrolForm form, BindingResult result,
                 Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                enterprise();
                enrolments.enrolWorker(classId, form.person());
                flash.addFlashAttribute("notice", "enrolment.added");
                return "redirect:/enterprise/enrolments/" + classId;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        return page(classId, model);
    }

    private String page(long classId, Model model) {
        long enterprise = enterprise();
        ClassFacts facts = enrolments.facts(classId);
        if (facts.enterpriseId() == null || facts.enterpriseId() != enterprise) {
            throw new org.yuxun.shared.NotFound("TrainingClass", classId);
        }
        model.addAttribute("clazz", facts);
        model.addAttribute("page", enrolments.roster(classId, null, null, 0, 500));
        return "training/enrolment/enterprise-class";
    }

    /** Only enterprise HR acts for an enterprise here. */
    private static long enterprise() {
        DataScope scope = ScopedDataSource.currentScope();
        if (scope.kind() != DataScope.Kind.ENTERPRISE || scope.organisationId() == null) {
            throw new AccessDeniedException("Enterprise HR only");
        }
        return scope.organisationId();
    }
}
