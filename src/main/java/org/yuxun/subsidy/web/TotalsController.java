package org.yuxun.subsidy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.organization.Regions;
import org.yuxun.subsidy.internal.SubsidyClaims;
import org.yuxun.subsidy.internal.SubsidyTotals;
import org.yuxun.subsidy.internal.SubsidyTotals.Dimension;

/** Subsidy totals by region, programme, priority group or period, with an Excel export. */
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
                Model model) {
        Dimension dimension = by == null ? Dimension.REGION : by;
        List<Shown> rows = rows(dimension, year);
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
                                  @RequestParam(required = false) Integer year) {
        Dimension dimension = by == null ? Dimension.REGION : by;
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("subsidy.totals.title", null, locale));
            String[] headers = {"subsidy.totals.by." + dimension, "subsidy.totals.persons", "subsidy.totals.requested",
                "subsidy.totals.approved", "subsidy.totals.living", "subsidy.totals.paid"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            int r = 1;
            for (Shown s : rows(dimension, year)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.label());
                row.createCell(1).setCellValue(s.row().persons());
                row.createCell(2).setCellValue(s.row().requested().doubleValue());
                row.createCell(3).setCellValue(s.row().approved().doubleValue());
                row.createCell(4).setCellValue(s.row().livingAllowance().doubleValue());
                row.createCell(5).setCellValue(s.row().paid().doubleValue());
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

    private List<Shown> rows(Dimension dimension, Integer year) {
        Locale locale = LocaleContextHolder.getLocale();
        return totals.by(dimension, year).stream().map(r -> new Shown(switch (dimension) {
            case REGION -> regions.find(r.key()).map(x -> regions.fullName(x.code())).orElse(r.key());
            case GROUP -> messages.getMessage("subsidy.group." + r.key(), null, r.key(), locale);
            default -> r.key();
        }, r)).toList();
    }

    private static SubsidyTotals.Row sum(List<Shown> rows) {
        BigDecimal requested = BigDecimal.ZERO;
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal living = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        long persons = 0;
        for (Shown s : rows) {
            persons += s.row().persons();
            requested = requested.add(s.row().requested());
            approved = approved.add(s.row().approved());
            living = living.add(s.row().livingAllowance());
            paid = paid.add(s.row().paid());
        }
        return new SubsidyTotals.Row("", persons, requested, approved, living, paid);
    }
}
