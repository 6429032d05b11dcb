package org.yuxun.training.attendance;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.NotFound;

/** The learner's online study page and its heartbeats; only the server decides what time is credited. */
@Controller
class StudyController {

    private final OnlineStudy study;

    StudyController(OnlineStudy study) {
        this.study = study;
    }

    @GetMapping("/sessions/{id}/study")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        long person = person(user, id);
        model.addAttribute("window", study.session(id, person));
        model.addAttribute("state", study.state(id, person));
        return "training/attendance/study";
    }

    @PostMapping("/sessions/{id}/study/heartbeat")
    @PreAuthorize("hasAuthority('MY_TRAINING')")
    @ResponseBody
    ResponseEntity<OnlineStudy.StudyState> heartbeat(@PathVariable long id,
                                                     @RequestParam(defaultValue = "false") boolean active,
                                                     @RequestParam(required = false) String answer,
                                                     @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.ok(study.heartbeat(id, person(user, id), active, answer));
    }

    private static long person(CurrentUser user, long session) {
        Long person = user.dataScope().personId();
        if (person == null) {
            throw new NotFound("class_session", session);
        }
        return person;
    }
}
