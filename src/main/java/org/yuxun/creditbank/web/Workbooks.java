package org.yuxun.creditbank.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A staff list as a one-sheet Excel workbook: a header row of message keys, then a row of texts per record. */
final class Workbooks {

    /** More rows than a list export needs; the list's filters narrow what is exported. */
    static final int EXPORT_LIMIT = 10_000;

    private Workbooks() {
    }

    static ResponseEntity<byte[]> xlsx(MessageSource messages, Locale locale, String titleKey, List<String> headerKeys,
                                       List<List<Object>> rows) {
        String title = messages.getMessage(titleKey, null, locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headerKeys.size(); i++) {
                head.createCell(i).setCellValue(messages.getMessage(headerKeys.get(i), null, locale));
                sheet.setColumnWidth(i, 18 * 256);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
