package org.yuxun.subsidy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.Permission;
import org.yuxun.organization.Regions;
import org.yuxun.subsidy.internal.SubsidyClaims;
import org.yuxun.subsidy.internal.SubsidyTotals;
import org.yuxun.subsidy.internal.SubsidyTotals.Dimension;

/**
 * Subsidy totals by region, programme, priority group or period, with an Excel export: claims, and for those who
 * may see apprenticeship filings (the HRSS officers), the enterprise apprenticeship payments beside them.
 */
@Controller
@RequestMapping("/subsidy/totals")
class TotalsController {

    /** One row as shown: the key in words. */
    record Shown(String label, SubsidyTotals.Row row) {
    }

    private final SubsidyTotals totals;
    private final Regions regions;
    private final MessageSource messages;

    TotalsController(SubsidyTotals totals, Regions regions, MessageSource messages) {
        this.totals = totals;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_VIEW')")
    String show(@RequestParam(required = false) Dimension by, @RequestParam(required = false) Integer year,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        Dimension dimension = by == null ? Dimension.REGION : by;
        boolean apprenticeships = user.can(Permission.SUBSIDY_APPRENTICESHIP_VIEW);
        List<Shown> rows = rows(dimension, year, apprenticeships);
        model.addAttribute("apprenticeships", apprenticeships);
        model.addAttribute("rows", rows);
        model.addAttribute("by", dimension);
        model.addAttribute("year", year);
        model.addAttribute("dimensions", Dimension.values());
        int now = LocalDate.now(SubsidyClaims.ZONE).getYear();
        model.addAttribute("years", List.of(now, now - 1, now - 2));
        model.addAttribute("sum", sum(rows));
        return "subsidy/totals";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('SUBSIDY_CLAIM_VIEW')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Dimension by,
                                  @RequestParam(required = false) Integer year,
                                  @AuthenticationPrincipal CurrentUser user) {
        Dimension dimension = by == null ? Dimension.REGION : by;
        boolean apprenticeships = user.can(Permission.SUBSIDY_APPRENTICESHIP_VIEW);
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("subsidy.totals.title", null, locale));
            List<String> headers = new ArrayList<>(List.of("subsidy.totals.by." + dimension,
                    "subsidy.totals.persons", "subsidy.totals.requested", "subsidy.totals.approved",
                    "subsidy.totals.living", "subsidy.totals.paid"));
            if (apprenticeships) {
                headers.addAll(List.of("subsidy.totals.apprentices", "subsidy.totals.advance",
                        "subsidy.totals.balance", "subsidy.totals.reclaimed", "subsidy.totals.paidTotal"));
            }
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers.get(i), null, locale));
            }
            int r = 1;
            for (Shown s : rows(dimension, year, apprenticeships)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.label());
                row.createCell(1).setCellValue(s.row().persons());
                row.createCell(2).setCellValue(s.row().requested().doubleValue());
                row.createCell(3).setCellValue(s.row().approved().doubleValue());
                row.createCell(4).setCellValue(s.row().livingAllowance().doubleValue());
                row.createCell(5).setCellValue(s.row().paid().doubleValue());
                if (apprenticeships) {
                    row.createCell(6).setCellValue(s.row().apprentices());
                    row.createCell(7).setCellValue(s.row().advance().doubleValue());
                    row.createCell(8).setCellValue(s.row().balance().doubleValue());
                    row.createCell(9).setCellValue(s.row().reclaimed().doubleValue());
                    row.createCell(10).setCellValue(s.row().paidTotal().doubleValue());
                }
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("subsidy-totals.xlsx").build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Shown> rows(Dimension dimension, Integer year, boolean apprenticeships) {
        Locale locale = LocaleContextHolder.getLocale();
        return totals.by(dimension, year, apprenticeships).stream().map(r -> new Shown(switch (dimension) {
            case REGION -> regions.find(r.key()).map(x -> regions.fullName(x.code())).orElse(r.key());
            case GROUP -> SubsidyTotals.APPRENTICE_GROUP.equals(r.key())
                    ? messages.getMessage("subsidy.totals.apprenticeGroup", null, locale)
                    : messages.getMessage("subsidy.group." + r.key(), null, r.key(), locale);
            default -> r.key();
        }, r)).toList();
    }

    private static SubsidyTotals.Row sum(List<Shown> rows) {
        BigDecimal zero = SubsidyTotals.ZERO;
        SubsidyTotals.Row sum = new SubsidyTotals.Row("", 0, zero, zero, zero, zero, 0, zero, zero, zero);
        for (Shown s : rows) {
            sum = sum.plus(s.row());
        }
        return sum;
    }
}
