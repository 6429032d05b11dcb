package org.yuxun.training.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.shared.InvalidInput;
import org.yuxun.training.assessment.Assessments.ScoreEntry;
import org.yuxun.training.assessment.Assessments.ScoreRow;

/**
 * The scores grid of a class: each row saves on its own through htmx, or the whole grid at once; the score sheet
 * downloads pre-filled and uploads back. Inputs are named {@code theory_<enrolmentId>}, {@code practice_…} and
 * {@code version_…}, so a row and the grid post the same fields.
 */
@Controller
@RequestMapping("/classes/{classId}/assessment")
class AssessmentController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Assessments assessments;
    private final ScoreSheet sheets;
    private final MessageSource messages;

    AssessmentController(Assessments assessments, ScoreSheet sheets, MessageSource messages) {
        this.assessments = assessments;
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    String grid(@PathVariable long classId, Model model) {
        return showGrid(classId, model, Map.of(), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    String saveAll(@PathVariable long classId, @RequestParam(name = "enrolmentId", required = false) List<Long> ids,
                   @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        List<ScoreEntry> entries = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> entries.add(entry(id, params)));
        }
        try {
            int saved = assessments.saveAll(classId, entries);
            flash.addFlashAttribute("savedCount", saved);
            return "redirect:/classes/" + classId + "/assessment";
        } catch (InvalidInput e) {
            return showGrid(classId, model, errors(e), params);
        } catch (OptimisticLockingFailureException e) {
            return showGrid(classId, model, Map.of("form", text("error.concurrentEdit", "该记录已被他人修改")), params);
        }
    }

    @PostMapping("/{enrolmentId}")
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    String saveRow(@PathVariable long classId, @PathVariable long enrolmentId, @RequestParam Map<String, String> params,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes flash) {
        return rowAction(classId, enrolmentId, params, htmx, model, flash, false);
    }

    @PostMapping("/{enrolmentId}/resit")
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    String resit(@PathVariable long classId, @PathVariable long enrolmentId, @RequestParam Map<String, String> params,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes flash) {
        return rowAction(classId, enrolmentId, params, htmx, model, flash, true);
    }

    @GetMapping("/sheet")
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    ResponseEntity<byte[]> downloadSheet(@PathVariable long classId) {
        byte[] body = sheets.write(classId);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("成绩表-" + classId + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    @PostMapping("/sheet")
    @PreAuthorize("hasAuthority('ASSESSMENT_RECORD')")
    String uploadSheet(@PathVariable long classId, @RequestParam(required = false) MultipartFile file, Model model,
                       RedirectAttributes flash) throws IOException {
        assessments.openClass(classId);
        if (file == null || file.isEmpty()) {
            model.addAttribute("sheetErrors", List.of(new ScoreSheet.RowError(0,
                    text("assessment.sheet.missing", "请选择要上传的成绩表文件"))));
            return showGrid(classId, model, Map.of(), Map.of());
        }
        ScoreSheet.Reading reading;
        try (InputStream in = file.getInputStream()) {
            reading = sheets.read(classId, in);
        }
        if (!reading.errors().isEmpty()) {
            model.addAttribute("sheetErrors", reading.errors());
            return showGrid(classId, model, Map.of(), Map.of());
        }
        int saved = assessments.saveChecked(classId, reading.scores());
        flash.addFlashAttribute("importedCount", saved);
        return "redirect:/classes/" + classId + "/assessment";
    }

    private String rowAction(long classId, long enrolmentId, Map<String, String> params, String htmx, Model model,
                             RedirectAttributes flash, boolean resit) {
        Map<String, String> errors = Map.of();
        boolean saved = false;
        try {
            if (resit) {
                assessments.resit(classId, entry(enrolmentId, params));
            } else {
                assessments.save(classId, entry(enrolmentId, params));
            }
            saved = true;
        } catch (InvalidInput e) {
            errors = errors(e);
        } catch (OptimisticLockingFailureException e) {
            errors = Map.of(enrolmentId + ".form", text("error.concurrentEdit", "该记录已被他人修改"));
        }
        if (htmx == null) {
            if (saved) {
                flash.addFlashAttribute("savedCount", 1);
                return "redirect:/classes/" + classId + "/assessment";
            }
            return showGrid(classId, model, errors, params);
        }
        ScoreRow row = assessments.row(classId, enrolmentId);
        model.addAttribute("clazz", assessments.assessedClass(classId));
        model.addAttribute("r", row);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", saved ? Map.of() : params);
        model.addAttribute("justSaved", saved);
        return "training/assessment/grid :: row";
    }

    private String showGrid(long classId, Model model, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("clazz", assessments.assessedClass(classId));
        model.addAttribute("rows", assessments.roster(classId));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("justSaved", false);
        return "training/assessment/grid";
    }

    private static ScoreEntry entry(long enrolmentId, Map<String, String> params) {
        String version = params.get("version_" + enrolmentId);
        Integer expected = null;
        if (version != null && version.matches("\\d{1,9}")) {
            expected = Integer.valueOf(version);
        }
        return new ScoreEntry(enrolmentId, params.get("theory_" + enrolmentId), params.get("practice_" + enrolmentId),
                expected);
    }

    private Map<String, String> errors(InvalidInput e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            errors.put(v.field() == null ? "form" : v.field(),
                    messages.getMessage(v.code(), v.args(), v.defaultMessage(), LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }
}
