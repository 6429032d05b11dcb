package org.yuxun.training.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.Text;
import org.yuxun.training.assessment.Assessments.ScoreRow;

/**
 * The score sheet (成绩表) of a class as an xlsx workbook: downloaded pre-filled with the roster, filled in offline
 * (often by the enterprise's practical examiners) and uploaded back. An upload is checked row by row and is saved
 * only when every row is good, so a half-imported sheet never leaves some scores changed and others not.
 */
@Component
class ScoreSheet {

    /** A refused row of an uploaded sheet: its row number as Excel shows it, and why. */
    record RowError(int row, String message) {
    }

    /** What an upload gave: the scores by enrolment (theory, practice), or the errors. */
    record Reading(Map<Long, BigDecimal[]> scores, List<RowError> errors) {
    }

    static final String[] HEADERS = {"报名编号", "姓名", "证件号码（已脱敏）", "理论成绩", "实操成绩"};
    private static final int MAX_ROWS = 100_000;

    private final Assessments assessments;

    ScoreSheet(Assessments assessments) {
        this.assessments = assessments;
    }

    byte[] write(long classId) {
        List<ScoreRow> rows = assessments.roster(classId).stream().filter(ScoreRow::enrolled).toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("成绩");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS[i]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, i == 2 ? 24 * 256 : 14 * 256);
            }
            int r = 1;
            for (ScoreRow row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.enrolmentId());
                line.createCell(1).setCellValue(row.personName() == null ? "" : row.personName());
                line.createCell(2).setCellValue(row.documentMasked() == null ? "" : row.documentMasked());
                if (row.theoryScore() != null) {
                    line.createCell(3).setCellValue(row.theoryScore().doubleValue());
                }
                if (row.practiceScore() != null) {
                    line.createCell(4).setCellValue(row.practiceScore().doubleValue());
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("score sheet could not be written", e);
        }
    }

    /**
     * Reads an uploaded sheet against the class's roster. A row is refused when its 报名编号 is not an enrolled
     * learner of the class or appears twice, or a score is not a number, lies outside 0–100 or has more than one
     * decimal, or a score the programme's weights need is missing. Rows without any score are skipped.
     */
    Reading read(long classId, InputStream upload) {
        AssessmentPolicy policy = assessments.assessedClass(classId).assessmentPolicy();
        Set<Long> enrolled = new HashSet<>();
        assessments.roster(classId).stream().filter(ScoreRow::enrolled).forEach(r -> enrolled.add(r.enrolmentId()));
        Map<Long, BigDecimal[]> scores = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(upload)) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                errors.add(new RowError(0, "文件行数过多（最多 " + MAX_ROWS + " 行）"));
                return new Reading(Map.of(), errors);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || emptyRow(row, formatter)) {
                    continue;
                }
                int excelRow = r + 1;
                String idText = Text.normalise(formatter.formatCellValue(row.getCell(0)));
                Long enrolmentId = parseId(idText);
                if (enrolmentId == null || !enrolled.contains(enrolmentId)) {
                    errors.add(new RowError(excelRow, "报名编号「" + idText + "」不是本班在读学员"));
                    continue;
                }
                if (scores.containsKey(enrolmentId)) {
                    errors.add(new RowError(excelRow, "报名编号 " + enrolmentId + " 在文件中重复出现"));
                    continue;
                }
                List<String> problems = new ArrayList<>();
                BigDecimal theory = cellScore(row.getCell(3), formatter, "理论成绩", problems);
                BigDecimal practice = cellScore(row.getCell(4), formatter, "实操成绩", problems);
                if (problems.isEmpty() && theory == null && practice == null) {
                    continue;
                }
                if (problems.isEmpty()) {
                    AssessmentPolicy.Missing missing = policy.missing(theory, practice);
                    if (missing == AssessmentPolicy.Missing.THEORY) {
                        problems.add("缺少理论成绩");
                    } else if (missing == AssessmentPolicy.Missing.PRACTICE) {
                        problems.add("缺少实操成绩");
                    }
                }
                if (problems.isEmpty()) {
                    scores.put(enrolmentId, new BigDecimal[] {theory, practice});
                } else {
                    errors.add(new RowError(excelRow, String.join("；", problems)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            errors.add(new RowError(0, "无法读取文件，请上传从本页下载的 Excel 成绩表（.xlsx）"));
            return new Reading(Map.of(), errors);
        }
        if (errors.isEmpty() && scores.isEmpty()) {
            errors.add(new RowError(0, "文件中没有成绩"));
        }
        return new Reading(scores, errors);
    }

    private static BigDecimal cellScore(Cell cell, DataFormatter formatter, String column, List<String> problems) {
        try {
            if (cell == null) {
                return null;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                    : cell.getCellType();
            if (type == CellType.NUMERIC) {
                return ScoreInput.of(cell.getNumericCellValue());
            }
            return ScoreInput.parse(formatter.formatCellValue(cell));
        } catch (InvalidValueException e) {
            problems.add(column + "：" + e.getMessage());
            return null;
        } catch (IllegalStateException e) {
            problems.add(column + "：成绩必须是数字");
            return null;
        }
    }

    private static Long parseId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean emptyRow(Row row, DataFormatter formatter) {
        for (int c = 0; c < HEADERS.length; c++) {
            String value = formatter.formatCellValue(row.getCell(c));
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
