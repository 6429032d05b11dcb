package org.yuxun.training.enrolment;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;
import org.yuxun.training.EnrolmentPriorityGroup;

/** The roster of a class (学员名册): search, export, add a learner, withdraw, transfer, issue learner accounts. */
@Controller
@RequestMapping("/classes/{classId}/enrolments")
class EnrolmentController {

    private static final int EXPORT_PAGE = 5_000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Enrolments enrolments;
    private final MessageSource messages;

    EnrolmentController(Enrolments enrolments, MessageSource messages) {
        this.enrolments = enrolments;
        this.messages = messages;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("groups", EnrolmentPriorityGroup.values());
        model.addAttribute("statuses", List.of("ENROLLED", "WITHDRAWN", "TRANSFERRED", "COMPLETED", "NOT_COMPLETED"));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ENROLMENT_VIEW')")
    String roster(@PathVariable long classId, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                  Model model) {
        model.addAttribute("form", EnrolForm.empty());
        return page(classId, q, status, page, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ENROLMENT_CREATE')")
    String enrol(@PathVariable long classId, @Valid @ModelAttribute("form") EnrolForm form, BindingResult result,
                 Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                enrolments.enrol(classId, form.person());
                flash.addFlashAttribute("notice", "enrolment.added");
                return "redirect:/classes/" + classId + "/enrolments";
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        model.addAttribute("showForm", true);
        return page(classId, null, null, 0, model);
    }

    @PostMapping("/{enrolmentId}/withdraw")
    @PreAuthorize("hasAuthority('ENROLMENT_WITHDRAW')")
    String withdraw(@PathVariable long classId, @PathVariable long enrolmentId, @RequestParam(required = false)
                    String reason, @RequestParam int version, RedirectAttributes flash) {
        return act(classId, flash, "enrolment.withdrawn",
                () -> enrolments.withdraw(classId, enrolmentId, version, reason));
    }

    @PostMapping("/{enrolmentId}/transfer")
    @PreAuthorize("hasAuthority('ENROLMENT_TRANSFER')")
    String transfer(@PathVariable long classId, @PathVariable long enrolmentId,
                    @RequestParam(required = false) Long targetClassId, @RequestParam(required = false) String reason,
                    @RequestParam int version, RedirectAttributes flash) {
        return act(classId, flash, "enrolment.transferred", () -> {
            if (targetClassId == null) {
                throw new InvalidInput("targetClassId", "enrolment.transfer.target.required", "请选择转入的培训班");
            }
            enrolments.transfer(classId, enrolmentId, version, targetClassId, reason);
        });
    }

    /**
     * Opens learner accounts for the learners of the class who have none and answers with the list of usernames
     * and initial passwords as an Excel file. The passwords exist only in this response: they are stored hashed,
     * so the list can be downloaded once, and running it again lists only accounts opened by that run.
     */
    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('LEARNER_ACCOUNT_ISSUE')")
    void issueAccounts(@PathVariable long classId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ClassFacts facts = enrolments.facts(classId);
        List<Enrolments.IssuedAccount> issued = enrolments.issueAccounts(classId);
        if (issued.isEmpty()) {
            String location = request.getContextPath() + "/classes/" + classId + "/enrolments";
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("notice", "enrolment.accounts.none");
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            response.sendRedirect(location);
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(facts.name() + "-" + text("enrolment.accounts.file") + ".xlsx",
                        StandardCharsets.UTF_8).replace("+", "%20"));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(text("enrolment.accounts.file"));
            String[] headers = {text("enrolment.name"), text("enrolment.document"), text("enrolment.accounts.username"),
                text("enrolment.accounts.password")};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            int rowNumber = 1;
            for (Enrolments.IssuedAccount account : issued) {
                Row row = sheet.createRow(rowNumber++);
                row.createCell(0).setCellValue(account.name());
                row.createCell(1).setCellValue(account.documentMasked());
                row.createCell(2).setCellValue(account.username());
                row.createCell(3).setCellValue(account.initialPassword());
            }
            sheet.createRow(rowNumber + 1).createCell(0).setCellValue(text("enrolment.accounts.note"));
            workbook.write(response.getOutputStream());
        }
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('ENROLMENT_VIEW')")
    void export(@PathVariable long classId, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        ClassFacts facts = enrolments.facts(classId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(facts.name() + "-学员名册.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("学员名册");
            String[] headers = {text("enrolment.name"), text("enrolment.document"), text("enrolment.phone"),
                text("enrolment.priorityGroup"), text("enrolment.source"), text("common.status"),
                text("enrolment.reason"), text("enrolment.enterprise"), text("enrolment.enrolledAt")};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            int rowNumber = 1;
            for (int p = 0; ; p++) {
                Page<EnrolmentStore.RosterRow> page = enrolments.roster(classId, q, status, p, EXPORT_PAGE);
                for (EnrolmentStore.RosterRow r : page.content()) {
                    Row row = sheet.createRow(rowNumber++);
                    row.createCell(0).setCellValue(r.name());
                    row.createCell(1).setCellValue(r.documentMasked());
                    row.createCell(2).setCellValue(r.phoneMasked() == null ? "" : r.phoneMasked());
                    row.createCell(3).setCellValue(EnrolmentPriorityGroup.ofStored(r.priorityGroup()).label());
                    row.createCell(4).setCellValue(text("enrolment.source." + r.source()));
                    row.createCell(5).setCellValue(text("enrolment.status." + r.status()));
                    row.createCell(6).setCellValue(r.statusReason() == null ? "" : r.statusReason());
                    row.createCell(7).setCellValue(r.enterpriseName() == null ? "" : r.enterpriseName());
                    row.createCell(8).setCellValue(DATE_TIME.format(r.createdAt()));
                }
                if (!page.hasNext()) {
                    break;
                }
            }
            workbook.write(response.getOutputStream());
        }
    }

    private String page(long classId, String q, String status, Integer page, Model model) {
        model.addAttribute("clazz", enrolments.facts(classId));
        model.addAttribute("page", enrolments.roster(classId, q, status, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("targets", enrolments.transferTargets(classId));
        model.addAttribute("withoutAccount", enrolments.withoutAccount(classId));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        return "training/enrolment/roster";
    }

    private String act(long classId, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().getFirst();
            flash.addFlashAttribute("problem", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("problem", text("error.concurrentEdit"));
        }
        return "redirect:/classes/" + classId + "/enrolments";
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
