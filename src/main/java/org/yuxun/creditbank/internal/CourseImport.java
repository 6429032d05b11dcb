package org.yuxun.creditbank.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;

/**
 * Importing an institution's courses from Excel: every row is checked (degree programme of the institution by
 * name, course code, name, credits, category) and reported with its reason; nothing is stored until the user
 * confirms the valid rows, which are stored together in one transaction. A course code the institution already
 * has is refused, so an import never changes existing courses.
 */
@Service
public class CourseImport {

    public static final int MAX_ROWS = 5000;
    static final String[] HEADERS = {"学历专业（方向）", "课程代码", "课程名称", "学分", "课程类别"};
    private static final Map<String, String> CATEGORIES = Map.of("公共基础课", "PUBLIC", "专业核心课", "CORE",
            "实践课", "PRACTICE", "选修课", "ELECTIVE");

    public record ImportRow(int line, long programmeId, String code, String name, BigDecimal credits,
                            String category) implements Serializable {
    }

    public record RowError(int line, String reason, List<String> cells) implements Serializable {
    }

    public record Preview(String fileName, List<ImportRow> valid, List<RowError> errors) implements Serializable {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CourseImport(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Reads and checks the workbook; stores nothing.
     *
     * @throws InvalidInput at {@code file} when it is not an Excel workbook, has no rows or too many
     */
    @Transactional(readOnly = true)
    public Preview validate(String fileName, InputStream file, long institutionId) {
        Map<String, Long> programmes = new HashMap<>();
        jdbc.sql("select name, id from degree_programme where institution_id = ?").param(institutionId)
                .query((rs, n) -> programmes.put(rs.getString(1), rs.getLong(2))).list();
        Set<String> existing = new HashSet<>(jdbc.sql("select code from academic_course where institution_id = ?")
                .param(institutionId).query(String.class).list());
        List<ImportRow> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (Workbook workbook = WorkbookFactory.create(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int rows = 0;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADERS.length; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
                }
                if (row.getRowNum() == 0 || cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new InvalidInput("file", "credit.import.tooMany", "一个文件最多 5000 行", MAX_ROWS);
                }
                int line = row.getRowNum() + 1;
                String reason = check(cells, programmes, existing, codes);
                if (reason != null) {
                    errors.add(new RowError(line, reason, cells));
                } else {
                    valid.add(new ImportRow(line, programmes.get(cells.get(0)), cells.get(1), cells.get(2),
                            new BigDecimal(cells.get(3)), CATEGORIES.get(cells.get(4))));
                }
            }
            if (rows == 0) {
                throw new InvalidInput("file", "credit.import.empty", "文件中没有数据");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "credit.import.unreadable", "无法读取该文件，请使用下载的模板（.xlsx）");
        }
        return new Preview(fileName, valid, errors);
    }

    /** Why the row is refused, in Chinese, or null when it is valid. */
    private static String check(List<String> cells, Map<String, Long> programmes, Set<String> existing,
                                Set<String> codes) {
        List<String> reasons = new ArrayList<>();
        if (!programmes.containsKey(cells.get(0))) {
            reasons.add("本校没有名为“" + cells.get(0) + "”的学历专业（方向）");
        }
        BigDecimal credits = null;
        try {
            credits = new BigDecimal(cells.get(3));
        } catch (NumberFormatException e) {
            reasons.add("学分不是数字");
        }
        String category = CATEGORIES.get(cells.get(4));
        if (category == null) {
            reasons.add("课程类别应为公共基础课、专业核心课、实践课或选修课");
        }
        if (credits != null) {
            AcademicCatalogue.checkCourse(cells.get(1), cells.get(2), credits, category == null ? "CORE" : category)
                    .forEach(v -> reasons.add(v.defaultMessage()));
        }
        if (existing.contains(cells.get(1))) {
            reasons.add("本校已有该课程代码");
        } else if (!cells.get(1).isEmpty() && !codes.add(cells.get(1))) {
            reasons.add("课程代码在文件中重复");
        }
        return reasons.isEmpty() ? null : String.join("；", reasons);
    }

    /**
     * Stores the valid rows of a preview in one transaction. A code someone added since the check refuses the
     * whole import and nothing is stored.
     *
     * @return how many courses were created
     */
    @Transactional
    public int confirm(Preview preview, long institutionId) {
        for (ImportRow r : preview.valid()) {
            if (jdbc.sql("select count(*) from academic_course where institution_id = ? and code = ?")
                    .params(institutionId, r.code()).query(Long.class).single() > 0) {
                throw new InvalidInput("file", "credit.import.changed", "导入期间课程已有变化，请重新上传文件");
            }
            jdbc.sql("""
                            insert into academic_course (institution_id, programme_id, code, name, credits, category)
                            select ?, id, ?, ?, ?, ? from degree_programme where id = ? and institution_id = ?""")
                    .params(institutionId, r.code(), r.name(), r.credits(), r.category(), r.programmeId(),
                            institutionId).update();
        }
        audit.record("IMPORT", "AcademicCourse", preview.fileName(), "导入课程 " + preview.valid().size() + " 门",
                null, Map.of("created", preview.valid().size()));
        return preview.valid().size();
    }

    /** The import template: header, text-formatted columns, a drop-down for the category. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("课程");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
                sheet.setColumnWidth(c, 22 * 256);
                if (c != 3) {
                    sheet.setDefaultColumnStyle(c, text);
                }
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            sheet.addValidationData(helper.createValidation(helper.createExplicitListConstraint(
                    new String[] {"公共基础课", "专业核心课", "实践课", "选修课"}),
                    new CellRangeAddressList(1, MAX_ROWS, 4, 4)));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
