package org.yuxun.training.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yuxun.shared.InvalidInput;
import org.yuxun.training.enrolment.bench.RosterFileGenerator;

/** {@link RosterReader} on files as Excel saves them (shared strings, numbers, formulas) and as streamed ones. */
class RosterReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsSharedStringsNumbersFormulasAndRichTextAsExcelShowsThem() throws Exception {
        Path file = temp.resolve("excel.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("学员名单");
            header(sheet.createRow(0));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(new XSSFRichTextString("张三"));
            row.createCell(1).setCellValue("居民身份证");
            row.createCell(2).setCellValue("110101199003070011");
            row.createCell(3).setCellValue(13812345678d);
            row.createCell(4).setCellFormula("\"退役\"&\"军人\"");
            row.getCell(4).setCellValue("退役军人");
            sheet.createRow(2).createCell(0).setCellValue("  ");
            Row formatted = sheet.createRow(3);
            formatted.createCell(0).setCellValue("李四");
            CellStyle twoDecimals = workbook.createCellStyle();
            twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            formatted.createCell(3).setCellValue(12.5);
            formatted.getCell(3).setCellStyle(twoDecimals);
            formatted.createCell(5).setCellValue(true);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        List<Object[]> rows = read(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo(2);
        assertThat((String[]) rows.get(0)[1]).containsExactly("张三", "居民身份证", "110101199003070011", "13812345678",
                "退役军人", null);
        assertThat(rows.get(1)[0]).as("the blank row 3 is skipped, row 4 keeps its number").isEqualTo(4);
        assertThat((String[]) rows.get(1)[1]).containsExactly("李四", null, null, "12.50", null, "TRUE");
    }

    @Test
    void readsTheInlineStringsOfAStreamedFile() throws Exception {
        Path file = temp.resolve("streamed.xlsx");
        RosterFileGenerator.write(file, 3, 42);

        List<Object[]> rows = read(file);

        assertThat(rows).extracting(r -> r[0]).containsExactly(2, 3, 4);
        long n = RosterFileGenerator.number(42, 1);
        assertThat((String[]) rows.get(1)[1]).containsExactly(RosterFileGenerator.name(n), "居民身份证",
                RosterFileGenerator.identityNumber(n), RosterFileGenerator.mobile(n), "无", null);
    }

    @Test
    void refusesAWrongHeaderAndAFileThatIsNotAWorkbook() throws Exception {
        Path wrong = temp.resolve("wrong.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row head = workbook.createSheet("名单").createRow(0);
            head.createCell(0).setCellValue("名字");
            try (OutputStream out = Files.newOutputStream(wrong)) {
                workbook.write(out);
            }
        }
        Path text = temp.resolve("text.xlsx");
        Files.writeString(text, "姓名,证件号码");

        assertThatThrownBy(() -> RosterReader.read(wrong, (r, c) -> { }))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations().getFirst().code())
                        .isEqualTo("enrolment.import.header"));
        assertThatThrownBy(() -> RosterReader.read(text, (r, c) -> { }))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations().getFirst().code())
                        .isEqualTo("enrolment.import.notXlsx"));
    }

    private static List<Object[]> read(Path file) {
        List<Object[]> rows = new ArrayList<>();
        RosterReader.read(file, (row, cells) -> rows.add(new Object[] {row, cells.clone()}));
        return rows;
    }

    private static void header(Row row) {
        for (int c = 0; c < RosterFileGenerator.HEADER.length; c++) {
            row.createCell(c).setCellValue(RosterFileGenerator.HEADER[c]);
        }
    }
}
