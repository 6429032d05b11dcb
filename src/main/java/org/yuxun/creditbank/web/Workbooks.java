package org.yuxun.creditbank.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yuxun.shared.web.Spreadsheet;

/**
 * A staff list as a one-sheet Excel workbook ({@link Spreadsheet}): a header row of message keys, then a row per
 * record, empty cells written as empty text.
 */
final class Workbooks {

    /** More rows than a list export needs; the list's filters narrow what is exported. */
    static final int EXPORT_LIMIT = 10_000;

    private static final int COLUMN_WIDTH = 18;

    private Workbooks() {
    }

    static ResponseEntity<byte[]> xlsx(MessageSource messages, Locale locale, String titleKey, List<String> headerKeys,
                                       List<List<Object>> rows) {
        String title = messages.getMessage(titleKey, null, locale);
        List<String> headers = headerKeys.stream().map(key -> messages.getMessage(key, null, locale)).toList();
        try (Spreadsheet sheet = new Spreadsheet(title, headers, Collections.nCopies(headers.size(), COLUMN_WIDTH));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<Object> values : rows) {
                sheet.row(values.stream().map(v -> v == null ? "" : v).toArray());
            }
            sheet.writeTo(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(Spreadsheet.CONTENT_TYPE))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
