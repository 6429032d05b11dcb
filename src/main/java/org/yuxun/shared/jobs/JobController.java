package org.yuxun.shared.jobs;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.yuxun.shared.NotFound;

/** The progress of a background job, for its owner: a page, or the fragment htmx refreshes while it runs. */
@Controller
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> new NotFound("Job", id)));
        return htmx == null ? "jobs/job" : "jobs/job :: progress";
    }
}
