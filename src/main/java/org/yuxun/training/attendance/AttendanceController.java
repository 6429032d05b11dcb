package org.yuxun.training.attendance;

import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * The teacher's attendance pages: the rotating QR code and live list of a session, roll call, corrections, and
 * the learners × sessions grid of a class with its Excel export. Which sessions and classes a user reaches is
 * decided by row-level security (a teacher: the classes they teach).
 */
@Controller
class AttendanceController {

    private final SessionAttendance attendance;
    private final AttendanceLedger ledger;
    private final QrCodes qrCodes;
    private final AttendanceSettings settings;
    private final MessageSource messages;

    AttendanceController(SessionAttendance attendance, AttendanceLedger ledger, QrCodes qrCodes,
                         AttendanceSettings settings, MessageSource messages) {
        this.attendance = attendance;
        this.ledger = ledger;
        this.qrCodes = qrCodes;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/sessions/{id}/attendance")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String session(@PathVariable long id, @RequestParam(defaultValue = "IN") Direction direction, Model model) {
        SessionAttendance.SessionView session = attendance.session(id);
        model.addAttribute("lesson", session);
        model.addAttribute("direction", session.practice() ? direction : Direction.IN);
        model.addAttribute("live", attendance.live(id));
        qr(session, session.practice() ? direction : Direction.IN, model);
        return "training/attendance/session";
    }

    @GetMapping("/sessions/{id}/attendance/qr")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String qrFragment(@PathVariable long id, @RequestParam(defaultValue = "IN") Direction direction, Model model) {
        SessionAttendance.SessionView session = attendance.session(id);
        model.addAttribute("lesson", session);
        qr(session, session.practice() ? direction : Direction.IN, model);
        return "training/attendance/session :: qr";
    }

    @GetMapping(value = "/sessions/{id}/attendance/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    ResponseEntity<byte[]> qrImage(@PathVariable long id, @RequestParam(defaultValue = "IN") Direction direction) {
        SessionAttendance.SessionView session = attendance.session(id);
        byte[] png = qrCodes.png(qrCodes.link(session.id(), session.practice() ? direction : Direction.IN));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(png);
    }

    @GetMapping("/sessions/{id}/attendance/live")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String live(@PathVariable long id, Model model) {
        model.addAttribute("lesson", attendance.session(id));
        model.addAttribute("live", attendance.live(id));
        return "training/attendance/session :: live";
    }

    @GetMapping("/sessions/{id}/attendance/roll-call")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String rollCallForm(@PathVariable long id, Model model) {
        model.addAttribute("lesson", attendance.session(id));
        model.addAttribute("live", attendance.live(id));
        return "training/attendance/roll-call";
    }

    @PostMapping("/sessions/{id}/attendance/roll-call")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String rollCall(@PathVariable long id, @RequestParam Map<String, String> params,
                    @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash, Locale locale) {
        Map<Long, SessionAttendance.Mark> marks = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("mark_") && name.length() > 5) {
                try {
                    marks.put(Long.parseLong(name.substring(5)),
                            SessionAttendance.Mark.valueOf(value.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput(null, "attendance.rollcall.mark", "点名结果无效");
                }
            }
        });
        try {
            attendance.rollCall(id, marks, user.id());
        } catch (InvalidInput e) {
            model.addAttribute("lesson", attendance.session(id));
            model.addAttribute("live", attendance.live(id));
            model.addAttribute("error", message(e, locale));
            return "training/attendance/roll-call";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/sessions/" + id + "/attendance/roll-call";
    }

    @PostMapping("/sessions/{id}/attendance/corrections")
    @PreAuthorize("hasAuthority('ATTENDANCE_CORRECT')")
    String correct(@PathVariable long id, @RequestParam long enrolmentId,
                   @RequestParam SessionAttendance.Correction action,
                   @RequestParam(defaultValue = "IN") Direction direction,
                   @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
                   Model model, RedirectAttributes flash, Locale locale) {
        try {
            attendance.correct(id, enrolmentId, action, direction, reason, user.id());
        } catch (InvalidInput e) {
            model.addAttribute("lesson", attendance.session(id));
            model.addAttribute("live", attendance.live(id));
            model.addAttribute("error", message(e, locale));
            model.addAttribute("correctionFor", enrolmentId);
            return "training/attendance/roll-call";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/sessions/" + id + "/attendance/roll-call";
    }

    @GetMapping("/classes/{id}/attendance")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    String grid(@PathVariable long id, Model model) {
        model.addAttribute("grid", ledger.grid(id, true).orElseThrow(() -> new NotFound("training_class", id)));
        return "training/attendance/class";
    }

    @GetMapping("/classes/{id}/attendance/export")
    @PreAuthorize("hasAuthority('ATTENDANCE_TAKE')")
    ResponseEntity<byte[]> export(@PathVariable long id, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        for (String key : new String[] {"sheet", "name", "scheduled", "attended", "rate", "leave", "THEORY",
                "PRACTICE", "ONLINE"}) {
            labels.put(key, messages.getMessage("attendance.export." + key, null, key, locale));
        }
        byte[] xlsx = ledger.export(id, labels);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("attendance-" + id + ".xlsx").build().toString())
                .body(xlsx);
    }

    private void qr(SessionAttendance.SessionView session, Direction direction, Model model) {
        String link = qrCodes.link(session.id(), direction);
        model.addAttribute("direction", direction);
        model.addAttribute("qrImage", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrCodes.png(link)));
        model.addAttribute("rotationSeconds", settings.tokenRotation().toSeconds());
    }

    private String message(InvalidInput e, Locale locale) {
        InvalidInput.Violation violation = e.violations().getFirst();
        return messages.getMessage(violation.code(), violation.args(), violation.defaultMessage(), locale);
    }
}
