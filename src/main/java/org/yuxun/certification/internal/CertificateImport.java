package org.yuxun.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.internal.CertificateStore.NewCertificate;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.PersonDocument;
import org.yuxun.shared.Text;

/**
 * Importing certificates issued elsewhere (职业资格证书, 1+X and skill-level certificates of other evaluators) from
 * an Excel list, in the shape of the roster import: a template with drop-downs, row-by-row validation with the
 * reason at each row, nothing stored until the staff member confirms, and only valid rows stored then. The
 * certificate keeps the number printed on it; a number the institution has already recorded is not recorded
 * twice, so uploading the same file again adds nothing.
 */
@Service
public class CertificateImport {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 5000;
    static final String[] HEADERS = {"证书类型", "证书编号", "姓名", "证件类型", "证件号码", "证书名称", "职业（工种）",
        "等级（1–5）", "发证机构", "发证日期", "有效期至"};

    private final PersonRegistry persons;
    private final CertificateManagement certificates;

    CertificateImport(PersonRegistry persons, CertificateManagement certificates) {
        this.persons = persons;
        this.certificates = certificates;
    }

    /** A valid row, ready to store. */
    public record ImportRow(int line, CertificateKind kind, String number, long personId, String holderName,
                            String title, String occupation, Integer level, String issuerName, LocalDate issuedOn,
                            LocalDate validUntil) implements Serializable {
    }

    /** A refused row with its reason, and the cells as the file gave them. */
    public record RowError(int line, String reason, List<String> cells) implements Serializable {
    }

    /** The outcome of validating a file: nothing is stored yet. */
    public record Preview(String fileName, List<ImportRow> valid, List<RowError> errors) implements Serializable {
    }

    /** What confirming stored. */
    public record Outcome(int created, int alreadyRecorded) implements Serializable {
    }

    /**
     * Reads and validates the file in the caller's scope: each holder must be a person the caller's institution
     * knows, under the registered name.
     *
     * @throws InvalidInput at {@code file} when it is not an Excel workbook, has no rows or too many
     */
    @Transactional(readOnly = true)
    public Preview validate(String fileName, InputStream file) {
        List<ImportRow> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        try (Workbook workbook = WorkbookFactory.create(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int rows = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || blank(row, format)) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new InvalidInput("file", "certificate.import.tooMany", "一个文件最多 5000 行", MAX_ROWS);
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADERS.length; c++) {
                    cells.add(text(row.getCell(c), format));
                }
                int line = row.getRowNum() + 1;
                try {
                    ImportRow parsed = parse(line, cells, row);
                    if (!numbers.add(parsed.number())) {
                        throw new RowProblem("证书编号在文件中重复");
                    }
                    valid.add(parsed);
                } catch (RowProblem e) {
                    errors.add(new RowError(line, e.getMessage(), cells));
                }
            }
            if (rows == 0) {
                throw new InvalidInput("file", "certificate.import.empty", "文件中没有证书数据");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "certificate.import.unreadable", "无法读取该文件，请使用下载的模板（.xlsx）");
        }
        return new Preview(fileName, valid, errors);
    }

    /** Stores the valid rows of a preview for the caller's institution; numbers already recorded are skipped. */
    @Transactional
    public Outcome confirm(Preview preview, long institutionId) {
        int created = 0;
        for (ImportRow r : preview.valid()) {
            boolean stored = certificates.issueStored(new NewCertificate(r.kind(), institutionId, r.issuerName(),
                    institutionId, r.personId(), null, null, null, r.title(), r.occupation(), r.level(), null,
                    r.issuedOn(), r.validUntil(), "IMPORT", r.number())).created();
            created += stored ? 1 : 0;
        }
        return new Outcome(created, preview.valid().size() - created);
    }

    private ImportRow parse(int line, List<String> c, Row row) {
        CertificateKind kind = kind(c.get(0));
        String number = Text.normalise(c.get(1)).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (number.isEmpty() || number.length() > 60) {
            throw new RowProblem("证书编号不能为空，且不能超过60个字符");
        }
        String name = Text.normalise(c.get(2));
        if (name.isEmpty()) {
            throw new RowProblem("姓名不能为空");
        }
        DocumentType type = documentType(c.get(3));
        PersonDocument document;
        try {
            document = PersonDocument.of(type, c.get(4));
        } catch (InvalidValueException e) {
            throw new RowProblem("证件号码：" + e.getMessage());
        }
        Optional<PersonRef> person = persons.findByDocument(document);
        if (person.isEmpty()) {
            throw new RowProblem("本机构没有该证件号码的人员，请先登记人员");
        }
        if (!person.get().name().equals(name)) {
            throw new RowProblem("姓名与人员登记信息不一致");
        }
        String title = Text.normalise(c.get(5));
        if (title.isEmpty() || title.length() > 100) {
            throw new RowProblem("证书名称不能为空，且不能超过100个字");
        }
        String occupation = Text.normalise(c.get(6));
        if (occupation.length() > 50) {
            throw new RowProblem("职业（工种）不能超过50个字");
        }
        Integer level = level(c.get(7));
        if (kind == CertificateKind.SKILL_LEVEL && level == null) {
            throw new RowProblem("职业技能等级证书须填写等级（1–5）");
        }
        String issuer = Text.normalise(c.get(8));
        if (issuer.isEmpty() || issuer.length() > 100) {
            throw new RowProblem("发证机构不能为空，且不能超过100个字");
        }
        LocalDate issued = date(row.getCell(9), c.get(9), "发证日期");
        if (issued == null) {
            throw new RowProblem("发证日期不能为空");
        }
        if (issued.isAfter(LocalDate.now(CertificateManagement.ZONE))) {
            throw new RowProblem("发证日期不能晚于今天");
        }
        LocalDate until = date(row.getCell(10), c.get(10), "有效期至");
        if (until != null && until.isBefore(issued)) {
            throw new RowProblem("有效期至不能早于发证日期");
        }
        return new ImportRow(line, kind, number, person.get().id(), name, title,
                occupation.isEmpty() ? null : occupation, level, issuer, issued, until);
    }

    private static CertificateKind kind(String text) {
        return switch (Text.normalise(text)) {
            case "培训合格证书" -> CertificateKind.TRAINING;
            case "职业技能等级证书" -> CertificateKind.SKILL_LEVEL;
            case "1+X 职业技能等级证书", "1+X职业技能等级证书", "1+X" -> CertificateKind.ONE_PLUS_X;
            case "职业资格证书" -> CertificateKind.VOCATIONAL_QUALIFICATION;
            default -> throw new RowProblem("证书类型须为下拉列表中的一项");
        };
    }

    private static DocumentType documentType(String text) {
        String label = Text.normalise(text);
        for (DocumentType t : DocumentType.values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new RowProblem("证件类型须为下拉列表中的一项");
    }

    private static Integer level(String text) {
        String t = Text.normalise(text);
        if (t.isEmpty()) {
            return null;
        }
        return switch (t) {
            case "1", "一级" -> 1;
            case "2", "二级" -> 2;
            case "3", "三级" -> 3;
            case "4", "四级" -> 4;
            case "5", "五级" -> 5;
            default -> throw new RowProblem("等级须为 1–5");
        };
    }

    private static LocalDate date(Cell cell, String text, String column) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String t = Text.normalise(text).replace('/', '-').replace('.', '-');
        if (t.isEmpty()) {
            return null;
        }
        try {
            String[] parts = t.split("-");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new RowProblem(column + "须为日期，如 2026-06-30");
        }
    }

    private static String text(Cell cell, DataFormatter format) {
        return cell == null ? "" : Text.normalise(format.formatCellValue(cell));
    }

    private static boolean blank(Row row, DataFormatter format) {
        for (int c = 0; c < HEADERS.length; c++) {
            if (!text(row.getCell(c), format).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The import template: header, text-formatted number columns, drop-downs for kind and document type. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("证书名单");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
                sheet.setColumnWidth(c, 18 * 256);
                sheet.setDefaultColumnStyle(c, text);
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            list(sheet, helper, new String[] {"培训合格证书", "职业技能等级证书", "1+X 职业技能等级证书", "职业资格证书"}, 0);
            list(sheet, helper, java.util.Arrays.stream(DocumentType.values()).map(DocumentType::label)
                    .toArray(String[]::new), 3);
            list(sheet, helper, new String[] {"1", "2", "3", "4", "5"}, 7);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refused rows with their reasons, to correct and upload again. */
    public static byte[] errors(Preview preview) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("有误的行");
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
            }
            head.createCell(HEADERS.length).setCellValue("原行号");
            head.createCell(HEADERS.length + 1).setCellValue("错误原因");
            int r = 1;
            for (RowError e : preview.errors()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < e.cells().size(); c++) {
                    row.createCell(c).setCellValue(e.cells().get(c));
                }
                row.createCell(HEADERS.length).setCellValue(e.line());
                row.createCell(HEADERS.length + 1).setCellValue(e.reason());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void list(Sheet sheet, DataValidationHelper helper, String[] values, int column) {
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, MAX_ROWS, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        sheet.addValidationData(validation);
    }

    private static final class RowProblem extends RuntimeException {

        RowProblem(String message) {
            super(message, null, false, false);
        }
    }
}
