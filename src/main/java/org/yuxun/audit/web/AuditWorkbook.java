package org.yuxun.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yuxun.audit.AuditLog;
import org.yuxun.audit.AuditLog.Query;

/**
 * Writes audit entries to an Excel workbook as they are read. A streaming workbook keeps only a window of rows in
 * memory, so even the largest export ({@value #MAX_ROWS} rows) takes little memory; more would make a workbook
 * too large to open comfortably, so the newest entries are kept and a last line says what was left out.
 */
@Component
class AuditWorkbook {

    static final int MAX_ROWS = 100_000;

    /** Excel refuses longer cell texts. */
    private static final int MAX_CELL = 32_767;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AuditController.CHINA);
    private static final List<String> COLUMNS = List.of("audit.at", "audit.username", "audit.orgKind",
            "audit.orgId", "audit.action", "audit.objectType", "audit.objectId", "audit.summary", "audit.before",
            "audit.after", "audit.ip");

    private final AuditLog audit;
    private final MessageSource messages;

    AuditWorkbook(AuditLog audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** Writes the entries matching the query; returns how many matched in all. */
    long write(Query query, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            Sheet sheet = workbook.createSheet(text("audit.title"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(text(COLUMNS.get(i)));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            long matched = audit.export(query, MAX_ROWS, entry -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(TIME.format(entry.at()));
                set(row, 1, entry.username());
                set(row, 2, entry.orgKind());
                set(row, 3, entry.orgId() == null ? null : entry.orgId().toString());
                set(row, 4, entry.action());
                set(row, 5, entry.objectType());
                set(row, 6, entry.objectId());
                set(row, 7, entry.summary());
                set(row, 8, entry.before());
                set(row, 9, entry.after());
                set(row, 10, entry.ip());
            });
            if (matched > MAX_ROWS) {
                sheet.createRow(next[0]).createCell(0).setCellValue(messages.getMessage("audit.export.truncated",
                        new Object[] {MAX_ROWS, matched}, LocaleContextHolder.getLocale()));
            }
            sheet.setColumnWidth(0, 20 * 256);
            sheet.setColumnWidth(7, 40 * 256);
            workbook.write(out);
            return matched;
        } finally {
            workbook.close();
        }
    }

    private static void set(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
