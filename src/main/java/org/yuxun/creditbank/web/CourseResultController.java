package org.yuxun.creditbank.web;

import java.time.LocalDate;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.creditbank.internal.AcademicCatalogue.Student;
import org.yuxun.creditbank.internal.CourseResults;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.web.Forms;

/**
 * The academic course results of one student of the institution: the list and a form to record a passed course
 * (course of the student's programme, grade, date), which becomes a learning outcome in the student's account.
 */
@Controller
@RequestMapping("/credit-bank/students/{id}/results")
class CourseResultController {

    /** The form: the course, the grade, the date it was completed. */
    record ResultForm(Long courseId, String grade, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn) {
    }

    private final CourseResults results;

    CourseResultController(CourseResults results) {
        this.results = results;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String results(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        AcademicCatalogueController.institution(user);
        model.addAttribute("form", new ResultForm(null, null, null));
        return page(id, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String record(@PathVariable long id, @ModelAttribute("form") ResultForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        AcademicCatalogueController.institution(user);
        if (result.hasErrors()) {
            return page(id, model);
        }
        try {
            results.record(id, form.courseId(), form.grade(), form.completedOn(), user.id());
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return page(id, model);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/students/" + id + "/results";
    }

    private String page(long id, Model model) {
        Student student = results.student(id);
        model.addAttribute("student", student);
        model.addAttribute("courses", results.courses(student));
        model.addAttribute("results", results.results(id));
        model.addAttribute("grades", CourseResults.GRADES);
        return "creditbank/student-results";
    }
}
