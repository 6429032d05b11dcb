package org.yuxun.training.assessment;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The learner's own classes, for a phone screen first. */
@Controller
@RequestMapping("/my/classes")
class MyClassesController {

    private final MyTraining training;

    MyClassesController(MyTraining training) {
        this.training = training;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String list(Model model) {
        model.addAttribute("classes", training.classes());
        return "training/assessment/my-classes";
    }

    @GetMapping("/{enrolmentId}")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String show(@PathVariable long enrolmentId, Model model) {
        model.addAttribute("detail", training.detail(enrolmentId));
        model.addAttribute("now", Instant.now());
        return "training/assessment/my-class";
    }
}
