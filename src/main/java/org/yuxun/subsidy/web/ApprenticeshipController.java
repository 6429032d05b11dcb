package org.yuxun.subsidy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.subsidy.internal.SubsidyApprenticeships;
import org.yuxun.subsidy.internal.SubsidyApprenticeships.ApprenticeInput;
import org.yuxun.subsidy.internal.SubsidyApprenticeships.ApprenticeView;
import org.yuxun.subsidy.internal.SubsidyApprenticeships.FilingView;
import org.yuxun.subsidy.internal.SubsidyApprenticeships.StoredFile;
import org.yuxun.subsidy.internal.SubsidyClaims;

/**
 * The enterprise apprenticeship subsidy (seeds/002 L1244–1250): the enterprise's HR files the apprenticeship of a
 * commissioned class and later applies for the balance; the city HRSS officer approves (recording the advance) or
 * returns the filing, and approves the balance. Repeated requests change nothing and say so.
 */
@Controller
@RequestMapping("/subsidy/apprenticeships")
class ApprenticeshipController {

    static final List<String> STATUSES = List.of("FILED", "RETURNED", "APPROVED", "BALANCE_REQUESTED",
            "BALANCE_RETURNED", "SETTLED");

    private final SubsidyApprenticeships apprenticeships;
    private final MessageSource messages;

    ApprenticeshipController(SubsidyApprenticeships apprenticeships, MessageSource messages) {
        this.apprenticeships = apprenticeships;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        String known = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("page", apprenticeships.search(q, known, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", known);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("classes", enterpriseOf(user) == null ? List.of()
                : apprenticeships.classesToFile(enterpriseOf(user)));
        return "subsidy/apprenticeships";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_SUBMIT')")
    String form(@RequestParam long classId, @AuthenticationPrincipal CurrentUser user, Model model,
                RedirectAttributes flash) {
        try {
            model.addAttribute("candidate", apprenticeships.candidate(classId, requireEnterprise(user)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
            return "redirect:/subsidy/apprenticeships";
        }
        model.addAttribute("problems", Map.of());
        model.addAttribute("entered", Map.of());
        addFigures(model);
        return "subsidy/apprenticeship-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_SUBMIT')")
    String file(@RequestParam long classId, HttpServletRequest request,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        long enterprise = requireEnterprise(user);
        Map<String, String> entered = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> entered.put(k, v.length == 0 ? "" : v[0]));
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Long, ApprenticeInput> inputs = new HashMap<>();
        for (String name : request.getParameterMap().keySet()) {
            if (name.startsWith("contractStart_")) {
                long enrolment;
                try {
                    enrolment = Long.parseLong(name.substring("contractStart_".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                LocalDate start = date(request.getParameter(name));
                LocalDate end = date(request.getParameter("contractEnd_" + enrolment));
                inputs.put(enrolment, new ApprenticeInput(start, end, upload(request, "contract_" + enrolment)));
            }
        }
        try {
            long id = apprenticeships.file(classId, enterprise, upload(request, "plan"), inputs, user.id());
            flash.addFlashAttribute("saved", true);
            return "redirect:/subsidy/apprenticeships/" + id;
        } catch (InvalidInput e) {
            for (InvalidInput.Violation v : e.violations()) {
                problems.merge(v.field() == null ? "" : v.field(), text(v), (a, b) -> a + "；" + b);
            }
        }
        try {
            model.addAttribute("candidate", apprenticeships.candidate(classId, enterprise));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
            return "redirect:/subsidy/apprenticeships";
        }
        model.addAttribute("problems", problems);
        model.addAttribute("entered", entered);
        addFigures(model);
        return "subsidy/apprenticeship-form";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_VIEW')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        FilingView filing = apprenticeships.get(id);
        model.addAttribute("filing", filing);
        model.addAttribute("mayReview", apprenticeships.mayReview(filing, user.authorityId()));
        model.addAttribute("today", LocalDate.now(SubsidyClaims.ZONE));
        model.addAttribute("apprentices", apprenticeships.apprentices(id));
        model.addAttribute("payments", apprenticeships.payments(id));
        model.addAttribute("certificates", filing.balanceOpen() ? apprenticeships.certificateNumbers(filing.classId())
                : Map.of());
        return "subsidy/apprenticeship";
    }

    @GetMapping("/{id}/plan")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_VIEW')")
    ResponseEntity<Resource> plan(@PathVariable long id) {
        return send(apprenticeships.plan(id));
    }

    @GetMapping("/{id}/apprentices/{apprenticeId}/contract")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_VIEW')")
    ResponseEntity<Resource> contract(@PathVariable long id, @PathVariable long apprenticeId) {
        return send(apprenticeships.contract(id, apprenticeId));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_REVIEW')")
    String approve(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        try {
            outcome(flash, apprenticeships.approve(id, version, user.id(), user.authorityId(),
                    LocalDate.now(SubsidyClaims.ZONE)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
        }
        return "redirect:/subsidy/apprenticeships/" + id;
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_REVIEW')")
    String sendBack(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            outcome(flash, apprenticeships.sendBack(id, version, reason, user.id(), user.authorityId()));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
        }
        return "redirect:/subsidy/apprenticeships/" + id;
    }

    @PostMapping("/{id}/balance")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_SUBMIT')")
    String requestBalance(@PathVariable long id, @RequestParam int version,
                          @RequestParam(required = false) String invoice,
                          @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                          RedirectAttributes flash) {
        Map<Long, String> numbers = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("certificate_")) {
                try {
                    numbers.put(Long.parseLong(k.substring("certificate_".length())), v);
                } catch (NumberFormatException ignored) {
                    // not a roster field
                }
            }
        });
        try {
            outcome(flash, apprenticeships.requestBalance(id, version, numbers, invoice, user.id()));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
        }
        return "redirect:/subsidy/apprenticeships/" + id;
    }

    @PostMapping("/{id}/balance/approve")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_REVIEW')")
    String approveBalance(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                          RedirectAttributes flash) {
        try {
            outcome(flash, apprenticeships.approveBalance(id, version, user.id(), user.authorityId(),
                    LocalDate.now(SubsidyClaims.ZONE)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
        }
        return "redirect:/subsidy/apprenticeships/" + id;
    }

    @PostMapping("/{id}/returned")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_REVIEW')")
    String recordReturn(@PathVariable long id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                        @RequestParam(required = false) String reference, @AuthenticationPrincipal CurrentUser user,
                        RedirectAttributes flash) {
        try {
            outcome(flash, apprenticeships.recordReturn(id, returnedOn, reference, user.id(), user.authorityId(),
                    LocalDate.now(SubsidyClaims.ZONE)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", text(e.violations().getFirst()));
        }
        return "redirect:/subsidy/apprenticeships/" + id;
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('SUBSIDY_APPRENTICESHIP_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) String status) {
        String known = status != null && STATUSES.contains(status) ? status : null;
        List<FilingView> rows = apprenticeships.search(q, known, 0, 10_000).content();
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("subsidy.apprenticeship.list.title", null, locale));
            String[] headers = {"subsidy.apprenticeship.class", "subsidy.apprenticeship.enterprise",
                "subsidy.apprenticeship.institution", "subsidy.apprenticeship.period", "subsidy.apprenticeship.months",
                "subsidy.apprenticeship.apprentices", "subsidy.apprenticeship.advance",
                "subsidy.apprenticeship.balance", "subsidy.apprenticeship.paid",
                "subsidy.apprenticeship.kind.APPRENTICESHIP_RECLAIM", "common.status"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            int r = 1;
            for (FilingView f : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f.className());
                row.createCell(1).setCellValue(f.enterpriseName());
                row.createCell(2).setCellValue(f.institutionName());
                row.createCell(3).setCellValue(f.periodStart() + " – " + f.periodEnd());
                row.createCell(4).setCellValue(f.months());
                row.createCell(5).setCellValue(f.apprentices());
                row.createCell(6).setCellValue(f.advance().doubleValue());
                row.createCell(7).setCellValue(f.balance() == null ? "" : f.balance().toPlainString());
                row.createCell(8).setCellValue(f.paid().doubleValue());
                row.createCell(9).setCellValue(f.reclaimed().doubleValue());
                row.createCell(10).setCellValue(messages.getMessage("subsidy.apprenticeship.status." + f.status(),
                        null, locale));
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("apprenticeship-filings.xlsx").build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addFigures(Model model) {
        model.addAttribute("amountPerYear", apprenticeships.amountPerYear());
        model.addAttribute("advanceShare", apprenticeships.advanceShare());
    }

    private static ResponseEntity<Resource> send(StoredFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(new FileSystemResource(file.path()));
    }

    private static Long enterpriseOf(CurrentUser user) {
        return user.orgKind() == CurrentUser.OrgKind.ENTERPRISE ? user.orgId() : null;
    }

    private static long requireEnterprise(CurrentUser user) {
        Long enterprise = enterpriseOf(user);
        if (enterprise == null) {
            throw new NotFound("Enterprise", 0);
        }
        return enterprise;
    }

    private static MultipartFile upload(HttpServletRequest request, String name) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return multipart == null ? null : multipart.getFile(name);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void outcome(RedirectAttributes flash, boolean changed) {
        if (changed) {
            flash.addFlashAttribute("saved", true);
        } else {
            flash.addFlashAttribute("unchanged", true);
        }
    }

    private String text(InvalidInput.Violation v) {
        return messages.getMessage(v.code(), v.args(), v.defaultMessage(), LocaleContextHolder.getLocale());
    }
}
