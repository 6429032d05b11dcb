package org.yuxun.training.enrolment;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.shared.InvalidInput;

/** Batch enrolment from a roster file: template, upload, report with error file, confirmation. */
@Controller
@RequestMapping("/classes/{classId}/import")
class ImportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Problems shown on the page; the error file lists them all. */
    private static final int SHOWN = 200;

    private final RosterImport imports;
    private final Enrolments enrolments;
    private final MessageSource messages;

    ImportController(RosterImport imports, Enrolments enrolments, MessageSource messages) {
        this.imports = imports;
        this.enrolments = enrolments;
        this.messages = messages;
    }

    /** One refused row as the report lists it. */
    record ProblemLine(int row, String column, String reason) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    String form(@PathVariable long classId, Model model) {
        model.addAttribute("clazz", enrolments.facts(classId));
        return "training/enrolment/import";
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    void template(@PathVariable long classId, HttpServletResponse response) throws IOException {
        enrolments.facts(classId);
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-template.xlsx\"; "
                + "filename*=UTF-8''%E5%AD%A6%E5%91%98%E5%90%8D%E5%8D%95%E6%A8%A1%E6%9D%BF.xlsx");
        RosterTemplate.write(response.getOutputStream());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    String upload(@PathVariable long classId, @RequestParam(required = false) MultipartFile file, Model model) {
        try {
            long job = imports.upload(classId, file);
            return "redirect:/classes/" + classId + "/import/" + job;
        } catch (InvalidInput e) {
            model.addAttribute("clazz", enrolments.facts(classId));
            InvalidInput.Violation v = e.violations().getFirst();
            model.addAttribute("fileError", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
            return "training/enrolment/import";
        }
    }

    @GetMapping("/{jobId}")
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    String report(@PathVariable long classId, @PathVariable long jobId, Model model) {
        model.addAttribute("clazz", enrolments.facts(classId));
        report(imports.report(classId, jobId), model);
        return "training/enrolment/import-report";
    }

    @GetMapping("/{jobId}/errors.xlsx")
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    void errors(@PathVariable long classId, @PathVariable long jobId, HttpServletResponse response)
            throws IOException {
        imports.report(classId, jobId);
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-errors.xlsx\"; "
                + "filename*=UTF-8''%E9%94%99%E8%AF%AF%E6%95%B0%E6%8D%AE.xlsx");
        imports.writeErrors(classId, jobId, response.getOutputStream());
    }

    @PostMapping("/{jobId}/confirm")
    @PreAuthorize("hasAuthority('ENROLMENT_IMPORT')")
    String confirm(@PathVariable long classId, @PathVariable long jobId, Model model) {
        try {
            return "redirect:/jobs/" + imports.confirm(classId, jobId);
        } catch (InvalidInput e) {
            model.addAttribute("clazz", enrolments.facts(classId));
            report(imports.report(classId, jobId), model);
            InvalidInput.Violation v = e.violations().getFirst();
            model.addAttribute("confirmError", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
            return "training/enrolment/import-report";
        }
    }

    private void report(RosterImport.Report report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("problems", report.problems().stream().limit(SHOWN).map(p -> {
            String column = p.get("column") == null ? null : messages.getMessage(
                    "enrolment.import.column." + p.get("column"), null, String.valueOf(p.get("columnLabel")),
                    LocaleContextHolder.getLocale());
            Object[] args = p.get("args") instanceof java.util.List<?> list ? list.toArray() : new Object[0];
            String reason = messages.getMessage(String.valueOf(p.get("code")), args, String.valueOf(p.get("message")),
                    LocaleContextHolder.getLocale());
            return new ProblemLine(((Number) p.get("row")).intValue(), column, reason);
        }).toList());
    }
}
