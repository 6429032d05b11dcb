package org.yuxun.creditbank.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import org.yuxun.people.RegisterPerson;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Masking;
import org.yuxun.shared.YuxunProperties;

/**
 * Importing the students of degree programmes from Excel. Every row is checked (programme of the institution by
 * name, student number, identity document, name) and reported with its reason; nothing is stored until the user
 * confirms. Between the check and the confirmation the uploaded file waits under {@code <data-dir>/files/imports}
 * like a roster import's, so identity numbers never go into the session; the report shows them masked. Confirming
 * reads the file again and registers (or links) and enrols the valid rows in one transaction.
 */
@Service
public class StudentImport {

    public static final int MAX_ROWS = 5000;
    static final String[] HEADERS = {"学历专业（方向）", "学号", "证件类型", "证件号码", "姓名", "手机号", "入学日期"};

    public record RowError(int line, String reason, List<String> cells) implements Serializable {
    }

    public record Preview(String fileId, String fileName, int valid, List<RowError> errors)
            implements Serializable {
    }

    record Parsed(int line, long programmeId, String studentNumber, RegisterPerson person, LocalDate enrolledOn) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AcademicCatalogue catalogue;
    private final Path directory;

    StudentImport(JdbcClient jdbc, AuditLog audit, AcademicCatalogue catalogue, YuxunProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalogue = catalogue;
        this.directory = properties.dataDir().resolve("files").resolve("imports");
    }

    /**
     * Checks the workbook and keeps the file for the confirmation; stores nothing in the database.
     *
     * @throws InvalidInput at {@code file} when it is not an Excel workbook, has no rows or too many
     */
    @Transactional(readOnly = true)
    public Preview validate(String fileName, byte[] file, long institutionId) {
        List<Parsed> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        parse(file, institutionId, valid, errors);
        String id = UUID.randomUUID().toString();
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("students-" + id + ".xlsx"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Preview(id, fileName, valid.size(), errors);
    }

    /**
     * Registers or links and enrols the valid rows of the kept file in one transaction; a row that became wrong
     * since the check (a student number taken meanwhile) refuses the whole import.
     *
     * @return how many students were enrolled
     */
    @Transactional
    public int confirm(Preview preview, long institutionId) {
        Path path = directory.resolve("students-" + UUID.fromString(preview.fileId()) + ".xlsx");
        byte[] file;
        try {
            file = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidInput("file", "credit.import.changed", "导入期间数据已有变化，请重新上传文件");
        }
        List<Parsed> valid = new ArrayList<>();
        parse(file, institutionId, valid, new ArrayList<>());
        for (Parsed p : valid) {
            catalogue.enrolStudent(institutionId, p.programmeId(), p.studentNumber(), p.person(), p.enrolledOn());
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("IMPORT", "ProgrammeStudent", preview.fileName(), "导入学籍 " + valid.size() + " 人", null,
                Map.of("created", valid.size()));
        return valid.size();
    }

    private void parse(byte[] file, long institutionId, List<Parsed> valid, List<RowError> errors) {
        Map<String, Long> programmes = new HashMap<>();
        jdbc.sql("select name, id from degree_programme where institution_id = ?").param(institutionId)
                .query((rs, n) -> programmes.put(rs.getString(1), rs.getLong(2))).list();
        Set<String> taken = new HashSet<>(jdbc.sql("select student_number from programme_student where institution_id = ?")
                .param(institutionId).query(String.class).list());
        Set<String> numbers = new HashSet<>();
        Set<String> documents = new HashSet<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
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
                List<String> reasons = new ArrayList<>();
                Long programme = programmes.get(cells.get(0));
                if (programme == null) {
                    reasons.add("本校没有名为“" + cells.get(0) + "”的学历专业（方向）");
                }
                String number = cells.get(1);
                if (number.isEmpty() || number.length() > 30) {
                    reasons.add("请填写学号（不超过 30 位）");
                } else if (taken.contains(number)) {
                    reasons.add("本校已有该学号");
                } else if (!numbers.add(number)) {
                    reasons.add("学号在文件中重复");
                }
                DocumentType type = Arrays.stream(DocumentType.values())
                        .filter(t -> t.label().equals(cells.get(2)) || t.name().equals(cells.get(2))).findFirst()
                        .orElse(cells.get(2).isEmpty() ? DocumentType.RESIDENT_ID_CARD : null);
                RegisterPerson person = new RegisterPerson(type, cells.get(3), cells.get(4), cells.get(5));
                try {
                    person.validate();
                } catch (InvalidInput e) {
                    e.violations().forEach(v -> reasons.add(v.defaultMessage()));
                }
                if (!cells.get(3).isEmpty() && !documents.add(cells.get(3).toUpperCase())) {
                    reasons.add("证件号码在文件中重复");
                }
                LocalDate enrolled = null;
                if (!cells.get(6).isEmpty()) {
                    try {
                        enrolled = LocalDate.parse(cells.get(6));
                    } catch (DateTimeParseException e) {
                        reasons.add("入学日期应为 yyyy-mm-dd");
                    }
                }
                if (reasons.isEmpty()) {
                    valid.add(new Parsed(line, programme, number, person, enrolled));
                } else {
                    List<String> shown = new ArrayList<>(cells);
                    shown.set(3, Masking.maskIdentity(cells.get(3)));
                    shown.set(5, Masking.maskPhone(cells.get(5)));
                    errors.add(new RowError(line, String.join("；", reasons), shown));
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
    }

    /** The import template: header, text-formatted columns, a drop-down for the document type. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("学籍");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
                sheet.setColumnWidth(c, 20 * 256);
                sheet.setDefaultColumnStyle(c, text);
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            sheet.addValidationData(helper.createValidation(helper.createExplicitListConstraint(
                    Arrays.stream(DocumentType.values()).map(DocumentType::label).toArray(String[]::new)),
                    new CellRangeAddressList(1, MAX_ROWS, 2, 2)));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
