package org.yuxun.subsidy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.certification.SkillLevel;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.Permission;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.subsidy.internal.SubsidyClaims;
import org.yuxun.subsidy.internal.SubsidyClaims.ClaimView;
import org.yuxun.subsidy.internal.SubsidyClaims.Decision;
import org.yuxun.subsidy.internal.SubsidyClaims.LineView;

/**
 * Subsidy claims: the institution generates and submits the claim of a completed class; the HRSS officer reviews
 * it line by line, completes the review and records the payment. A repeated submit, decision or payment changes
 * nothing and says so.
 */
@Controller
@RequestMapping("/subsidy/claims")
class ClaimController {

    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "PAID");

    private final SubsidyClaims claims;
    private final MessageSource messages;

    ClaimController(SubsidyClaims claims, MessageSource messages) {
        this.claims = claims;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String known = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("page", claims.search(q, known, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", known);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("today", LocalDate.now(SubsidyClaims.ZONE));
        model.addAttribute("classes", user.can(Permission.SUBSIDY_CLAIM_CREATE) ? claims.classesWithoutClaim()
                : List.of());
        return "subsidy/claims";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_CREATE')")
    String generate(@RequestParam long classId, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes flash) {
        try {
            return "redirect:/subsidy/claims/" + claims.generate(classId, user.id());
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
            return "redirect:/subsidy/claims";
        } catch (DuplicateKeyException e) {
            flash.addFlashAttribute("unchanged", true);
            return "redirect:/subsidy/claims";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_VIEW')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ClaimView claim = claims.get(id);
        model.addAttribute("claim", claim);
        model.addAttribute("mayReview", claims.mayReview(claim, user.authorityId()));
        model.addAttribute("lines", claims.lines(id));
        model.addAttribute("disbursements", claims.disbursements(id));
        model.addAttribute("earlier", claims.earlierSubsidies(id));
        model.addAttribute("today", LocalDate.now(SubsidyClaims.ZONE));
        model.addAttribute("skillLevel", claim.skillLevel() == null ? null : SkillLevel.name(claim.skillLevel()));
        return "subsidy/claim";
    }

    @PostMapping("/{id}/regenerate")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_CREATE')")
    String regenerate(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        ClaimView claim = claims.get(id);
        try {
            claims.generate(claim.classId(), user.id());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
        }
        return "redirect:/subsidy/claims/" + id;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_SUBMIT')")
    String submit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        try {
            outcome(flash, claims.submit(id, version, user.id(), LocalDate.now(SubsidyClaims.ZONE)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
        }
        return "redirect:/subsidy/claims/" + id;
    }

    @PostMapping("/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_REVIEW')")
    String review(@PathVariable long id, @PathVariable long lineId, @RequestParam Decision decision,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        try {
            outcome(flash, claims.review(id, lineId, decision, reason, user.id(), user.authorityId()));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
            flash.addFlashAttribute("problemLine", lineId);
        }
        return "redirect:/subsidy/claims/" + id + "#line-" + lineId;
    }

    @PostMapping("/{id}/approve-pending")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_REVIEW')")
    String approvePending(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                          RedirectAttributes flash) {
        try {
            outcome(flash, claims.approvePending(id, user.id(), user.authorityId()) > 0);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
        }
        return "redirect:/subsidy/claims/" + id;
    }

    @PostMapping("/{id}/complete-review")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_REVIEW')")
    String completeReview(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                          RedirectAttributes flash) {
        try {
            outcome(flash, claims.completeReview(id, version, user.id(), user.authorityId()));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
        }
        return "redirect:/subsidy/claims/" + id;
    }

    @PostMapping("/{id}/payment")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_PAY')")
    String pay(@PathVariable long id, @RequestParam int version,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
               @RequestParam(required = false) String reference, @AuthenticationPrincipal CurrentUser user,
               RedirectAttributes flash) {
        try {
            outcome(flash, claims.pay(id, version, paidOn, reference, user.id(), user.authorityId()) > 0);
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e));
        }
        return "redirect:/subsidy/claims/" + id;
    }

    @GetMapping("/{id}/export")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_VIEW')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        ClaimView claim = claims.get(id);
        List<LineView> lines = claims.lines(id);
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("subsidy.claim.title", null, locale));
            String[] headers = {"subsidy.line.learner", "subsidy.line.document", "subsidy.line.group",
                "subsidy.line.completion", "subsidy.line.hours", "subsidy.line.rate", "subsidy.line.checkIns",
                "subsidy.line.score", "subsidy.line.certificate", "subsidy.line.amount", "subsidy.line.living",
                "subsidy.line.eligible", "subsidy.line.findings", "subsidy.line.status", "subsidy.line.reason"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            int r = 1;
            for (LineView l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.learnerName());
                row.createCell(1).setCellValue(l.documentMasked());
                row.createCell(2).setCellValue(messages.getMessage("subsidy.group."
                        + (l.priorityGroup() == null ? "NONE" : l.priorityGroup()), null, locale));
                row.createCell(3).setCellValue(messages.getMessage("subsidy.completion." + l.completion(), null,
                        l.completion(), locale));
                row.createCell(4).setCellValue(l.attendedHours() == null ? "" : l.attendedHours().toPlainString()
                        + " / " + l.scheduledHours().toPlainString());
                row.createCell(5).setCellValue(l.attendanceRate() == null ? "" : l.attendanceRate().toPlainString());
                row.createCell(6).setCellValue(l.checkIns());
                row.createCell(7).setCellValue(l.finalScore() == null ? "" : l.finalScore().toPlainString());
                row.createCell(8).setCellValue(l.certificateNumber() == null ? "" : l.certificateNumber());
                row.createCell(9).setCellValue(l.amount().doubleValue());
                row.createCell(10).setCellValue(l.livingAllowance().doubleValue());
                row.createCell(11).setCellValue(messages.getMessage(l.eligible() ? "common.yes" : "common.no", null,
                        locale));
                row.createCell(12).setCellValue(String.join("；", l.findings()));
                row.createCell(13).setCellValue(messages.getMessage("subsidy.line.status." + l.status(), null,
                        locale));
                row.createCell(14).setCellValue(l.reviewReason() == null ? "" : l.reviewReason());
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("subsidy-claim-" + claim.id() + ".xlsx").build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void outcome(RedirectAttributes flash, boolean changed) {
        if (changed) {
            flash.addFlashAttribute("saved", true);
        } else {
            flash.addFlashAttribute("unchanged", true);
        }
    }

    private String text(InvalidInput e) {
        InvalidInput.Violation v = e.violations().getFirst();
        return messages.getMessage(v.code(), v.args(), v.defaultMessage(), LocaleContextHolder.getLocale());
    }
}
