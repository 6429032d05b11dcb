package org.yuxun.training.enrolment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yuxun.shared.DocumentType;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * The roster template: a 学员名单 sheet with the header row, text-formatted number columns (so Excel does not turn
 * an 18-digit identity number into 1.10101E+17) and drop-down lists for 证件类型 and 重点人群类别, whose values live
 * on a hidden 选项 sheet; and a 填写说明 sheet.
 */
final class RosterTemplate {

    private static final String OPTIONS = "选项";

    private RosterTemplate() {
    }

    static void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet roster = workbook.createSheet("学员名单");
            Sheet help = workbook.createSheet("填写说明");
            Sheet options = workbook.createSheet(OPTIONS);

            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Row head = roster.createRow(0);
            for (int c = 0; c < RosterFormat.HEADERS.size(); c++) {
                head.createCell(c).setCellValue(RosterFormat.HEADERS.get(c));
                head.getCell(c).setCellStyle(header);
                roster.setColumnWidth(c, (c == RosterFormat.DOCUMENT_NUMBER || c == RosterFormat.EMPLOYER ? 24 : 14)
                        * 256);
                roster.setDefaultColumnStyle(c, text);
            }
            roster.createFreezePane(0, 1);

            String[] types = Arrays.stream(DocumentType.values()).map(DocumentType::label).toArray(String[]::new);
            String[] groups = Arrays.stream(EnrolmentPriorityGroup.values()).map(EnrolmentPriorityGroup::label)
                    .toArray(String[]::new);
            for (int i = 0; i < Math.max(types.length, groups.length); i++) {
                Row row = options.createRow(i);
                if (i < types.length) {
                    row.createCell(0).setCellValue(types[i]);
                }
                if (i < groups.length) {
                    row.createCell(1).setCellValue(groups[i]);
                }
            }
            workbook.setSheetHidden(workbook.getSheetIndex(options), true);

            DataValidationHelper helper = roster.getDataValidationHelper();
            list(roster, helper, OPTIONS + "!$A$1:$A$" + types.length, RosterFormat.DOCUMENT_TYPE);
            list(roster, helper, OPTIONS + "!$B$1:$B$" + groups.length, RosterFormat.PRIORITY_GROUP);

            String[] lines = {
                "学员名单填写说明",
                "1. 请在“学员名单”工作表中从第2行起每行填写一名学员，不要修改第1行表头，不要插入空行。",
                "2. 姓名、证件类型、证件号码、手机号为必填项；证件类型与重点人群类别请从下拉列表中选择。",
                "3. 证件号码按证件原样填写，居民身份证为18位，末位X大小写均可；全角数字和空格会自动转换。",
                "4. 重点人群类别不填视为“无”；工作单位为选填。",
                "5. 同一证件号码在一个文件中只能出现一次；每个文件最多" + RosterFormat.MAX_ROWS + "行，大小不超过50MB。",
                "6. 上传后系统逐行校验并给出报告，确认后才会正式报名；同一文件重复上传不会重复报名。"
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 100 * 256);
            workbook.write(out);
        }
    }

    private static void list(Sheet sheet, DataValidationHelper helper, String formula, int column) {
        DataValidationConstraint constraint = helper.createFormulaListConstraint(formula);
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, RosterFormat.MAX_ROWS, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("输入有误", "请从下拉列表中选择");
        sheet.addValidationData(validation);
    }
}
