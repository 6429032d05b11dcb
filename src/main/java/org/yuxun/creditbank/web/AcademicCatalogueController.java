package org.yuxun.creditbank.web;

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
import org.yuxun.creditbank.internal.AcademicCatalogue;
import org.yuxun.creditbank.web.CatalogueForms.CourseForm;
import org.yuxun.creditbank.web.CatalogueForms.MajorForm;
import org.yuxun.creditbank.web.CatalogueForms.ProgrammeForm;
import org.yuxun.creditbank.web.CatalogueForms.StudentForm;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

/**
 * The academic catalogue pages of an institution: majors, degree programmes, courses with credits, students.
 * Row-level security shows and lets staff change only their own institution's catalogue.
 */
@Controller
@RequestMapping("/credit-bank")
class AcademicCatalogueController {

    private final AcademicCatalogue catalogue;

    AcademicCatalogueController(AcademicCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("levels", AcademicCatalogue.LEVELS);
        model.addAttribute("categories", AcademicCatalogue.CATEGORIES);
    }

    // Majors

    @GetMapping("/majors")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String majors(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", catalogue.majors(q, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        return "creditbank/majors";
    }

    @GetMapping("/majors/new")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String newMajor(Model model) {
        model.addAttribute("form", MajorForm.empty());
        return "creditbank/major-form";
    }

    @GetMapping("/majors/{id}/edit")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String editMajor(@PathVariable long id, Model model) {
        AcademicCatalogue.Major m = catalogue.major(id);
        model.addAttribute("id", id);
        model.addAttribute("form", new MajorForm(m.code(), m.name(), m.version()));
        return "creditbank/major-form";
    }

    @PostMapping({"/majors", "/majors/{id}"})
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String saveMajor(@PathVariable(required = false) Long id, @ModelAttribute("form") MajorForm form,
                     BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                     RedirectAttributes flash) {
        long institution = institution(user);
        if (id != null) {
            catalogue.major(id);
        }
        model.addAttribute("id", id);
        if (result.hasErrors()) {
            return "creditbank/major-form";
        }
        try {
            catalogue.saveMajor(id, institution, form.code(), form.name(), CatalogueForms.version(form.version()));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "creditbank/major-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/majors";
    }

    // Degree programmes

    @GetMapping("/programmes")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String programmes(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                      Model model) {
        model.addAttribute("page", catalogue.programmes(q, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        return "creditbank/programmes";
    }

    @GetMapping("/programmes/new")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String newProgramme(Model model) {
        model.addAttribute("form", ProgrammeForm.empty());
        model.addAttribute("majors", catalogue.allMajors());
        return "creditbank/programme-form";
    }

    @GetMapping("/programmes/{id}/edit")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String editProgramme(@PathVariable long id, Model model) {
        AcademicCatalogue.DegreeProgramme p = catalogue.programme(id);
        model.addAttribute("id", id);
        model.addAttribute("form", new ProgrammeForm(p.majorId(), p.name(), p.level(), p.totalCredits(), p.version()));
        model.addAttribute("majors", catalogue.allMajors());
        return "creditbank/programme-form";
    }

    @PostMapping({"/programmes", "/programmes/{id}"})
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String saveProgramme(@PathVariable(required = false) Long id, @ModelAttribute("form") ProgrammeForm form,
                         BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                         RedirectAttributes flash) {
        long institution = institution(user);
        if (id != null) {
            catalogue.programme(id);
        }
        model.addAttribute("id", id);
        model.addAttribute("majors", catalogue.allMajors());
        if (result.hasErrors()) {
            return "creditbank/programme-form";
        }
        try {
            catalogue.saveProgramme(id, institution, form.majorId(), form.name(), form.level(), form.totalCredits(),
                    CatalogueForms.version(form.version()));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "creditbank/programme-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/programmes";
    }

    // Courses

    @GetMapping("/courses")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String courses(@RequestParam(required = false) String q, @RequestParam(required = false) Long programme,
                   @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", catalogue.courses(q, programme, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("programme", programme);
        model.addAttribute("programmes", catalogue.allProgrammes());
        return "creditbank/courses";
    }

    @GetMapping("/courses/new")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String newCourse(Model model) {
        model.addAttribute("form", CourseForm.empty());
        model.addAttribute("programmes", catalogue.allProgrammes());
        return "creditbank/course-form";
    }

    @GetMapping("/courses/{id}/edit")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String editCourse(@PathVariable long id, Model model) {
        AcademicCatalogue.Course c = catalogue.course(id);
        model.addAttribute("id", id);
        model.addAttribute("form", new CourseForm(c.programmeId(), c.code(), c.name(), c.credits(), c.category(),
                c.version()));
        model.addAttribute("programmes", catalogue.allProgrammes());
        return "creditbank/course-form";
    }

    @PostMapping({"/courses", "/courses/{id}"})
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String saveCourse(@PathVariable(required = false) Long id, @ModelAttribute("form") CourseForm form,
                      BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                      RedirectAttributes flash) {
        long institution = institution(user);
        if (id != null) {
            catalogue.course(id);
        }
        model.addAttribute("id", id);
        model.addAttribute("programmes", catalogue.allProgrammes());
        if (result.hasErrors()) {
            return "creditbank/course-form";
        }
        try {
            catalogue.saveCourse(id, institution, form.programmeId(), form.code(), form.name(), form.credits(),
                    form.category(), CatalogueForms.version(form.version()));
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "creditbank/course-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/courses";
    }

    // Students

    @GetMapping("/students")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_VIEW')")
    String students(@RequestParam(required = false) String q, @RequestParam(required = false) Long programme,
                    @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", catalogue.students(q, programme, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("programme", programme);
        model.addAttribute("programmes", catalogue.allProgrammes());
        return "creditbank/students";
    }

    @GetMapping("/students/new")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String newStudent(Model model) {
        model.addAttribute("form", StudentForm.empty());
        model.addAttribute("programmes", catalogue.allProgrammes());
        model.addAttribute("documentTypes", DocumentType.values());
        return "creditbank/student-form";
    }

    @PostMapping("/students")
    @PreAuthorize("hasAuthority('CREDIT_CATALOGUE_EDIT')")
    String enrolStudent(@ModelAttribute("form") StudentForm form, BindingResult result,
                        @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        long institution = institution(user);
        model.addAttribute("programmes", catalogue.allProgrammes());
        model.addAttribute("documentTypes", DocumentType.values());
        if (result.hasErrors()) {
            return "creditbank/student-form";
        }
        try {
            catalogue.enrolStudent(institution, form.programmeId(), form.studentNumber(), form.person(),
                    form.enrolledOn());
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return "creditbank/student-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/credit-bank/students";
    }

    /** The caller's institution; the catalogue belongs to institutions only. */
    static long institution(CurrentUser user) {
        if (user.orgKind() != CurrentUser.OrgKind.INSTITUTION || user.orgId() == null) {
            throw new NotFound("Institution", "of " + user.getUsername());
        }
        return user.orgId();
    }
}
