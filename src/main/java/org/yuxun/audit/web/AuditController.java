package org.yuxun.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.audit.AuditLog;
import org.yuxun.audit.AuditLog.Query;
import org.yuxun.shared.Page;

/**
 * Searching the audit trail by user, object and time (DESIGN.md, "Audit"), and exporting what was found. What a
 * searcher sees is their data scope's business: an institution administrator sees their institution's entries.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    /** Dates on the form are Beijing dates, whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AuditLog audit;
    private final AuditWorkbook workbook;

    AuditController(AuditLog audit, AuditWorkbook workbook) {
        this.audit = audit;
        this.workbook = workbook;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    String search(@RequestParam(required = false) String username,
                  @RequestParam(required = false) String objectType,
                  @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page, Model model) {
        Page<AuditLog.Entry> entries = audit.search(query(username, objectType, objectId, action, from, to),
                Page.clamp(page), Page.DEFAULT_SIZE);
        model.addAttribute("page", entries.map(AuditRow::of));
        model.addAttribute("objectTypes", audit.objectTypes());
        model.addAttribute("actions", audit.actions());
        model.addAttribute("username", username);
        model.addAttribute("objectType", objectType);
        model.addAttribute("objectId", objectId);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("maxExport", AuditWorkbook.MAX_ROWS);
        return "audit/search";
    }

    /** The filtered entries as an Excel workbook, newest first; the export itself is recorded. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    void export(@RequestParam(required = false) String username, @RequestParam(required = false) String objectType,
                @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        Query query = query(username, objectType, objectId, action, from, to);
        String filename = "audit-" + LocalDate.now(CHINA).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        long matched = workbook.write(query, response.getOutputStream());
        audit.record("EXPORT", "AuditEvent", null, "导出 " + Math.min(matched, AuditWorkbook.MAX_ROWS) + " 条",
                null, query);
    }

    private static Query query(String username, String objectType, String objectId, String action, LocalDate from,
                               LocalDate to) {
        return new Query(username, objectType, objectId, action,
                from == null ? null : from.atStartOfDay(CHINA).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant());
    }
}
