package org.yuxun.training.enrolment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Text;

/**
 * Reads the first sheet of a roster file row by row with a SAX parser, so a 100,000-row file is read in constant
 * memory. The header row must name the template's columns; blank rows are skipped.
 *
 * <p>The sheet XML is read with a handler of its own rather than POI's {@code XSSFSheetXMLHandler}, which builds
 * an XMLBeans rich-text object for every text cell and so spends most of a large import's reading time on objects
 * the roster never uses. Cells are read as POI's handler reads them: shared and inline strings as their text
 * (phonetic guides left out), formula cells as their cached result, booleans as {@code TRUE}/{@code FALSE},
 * numbers formatted by {@link DataFormatter} with the cell's number format, as Excel shows them.
 */
final class RosterReader {

    /** Receives each data row: its number as Excel shows it (header = 1) and its cells as text. */
    interface RowSink {
        void row(int rowNumber, String[] cells);
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private RosterReader() {
    }

    /**
     * @return the number of data rows read
     * @throws InvalidInput at {@code file} when the file is not an xlsx workbook, has no sheet, a wrong header, no
     *     data rows or more than {@value RosterFormat#MAX_ROWS}
     */
    static int read(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notXlsx();
            }
            Handler handler = new Handler(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, styles, handler));
                parser.parse(new InputSource(sheet));
            } catch (WrongHeader e) {
                throw new InvalidInput("file", "enrolment.import.header",
                        "表头与模板不一致，请下载最新模板，不要修改第1行");
            } catch (TooManyRows e) {
                throw new InvalidInput("file", "enrolment.import.tooManyRows", "文件超过" + RosterFormat.MAX_ROWS
                        + "行，请拆分后分别上传", RosterFormat.MAX_ROWS);
            }
            if (!handler.headerSeen) {
                throw new InvalidInput("file", "enrolment.import.empty", "文件是空的，请使用模板填写学员名单");
            }
            if (!handler.headerValid) {
                throw new InvalidInput("file", "enrolment.import.header",
                        "表头与模板不一致，请下载最新模板，不要修改第1行");
            }
            if (handler.rows == 0) {
                throw new InvalidInput("file", "enrolment.import.noRows", "文件中没有学员数据");
            }
            return handler.rows;
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException
                 | RuntimeException e) {
            throw notXlsx();
        }
    }

    private static InvalidInput notXlsx() {
        return new InvalidInput("file", "enrolment.import.notXlsx", "请上传由模板填写的 Excel 文件（.xlsx）");
    }

    /** The shared strings of the workbook (Excel keeps most text there), in order; phonetic guides left out. */
    private static List<String> sharedStrings(OPCPackage pkg)
            throws IOException, SAXException, ParserConfigurationException {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.getFirst().getInputStream()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SharedStringsHandler(strings));
                parser.parse(new InputSource(in));
            }
        }
        return strings;
    }

    /** Collects the text of each {@code <si>}: its {@code <t>} elements, not those of phonetic runs. */
    private static final class SharedStringsHandler extends DefaultHandler {

        private final List<String> strings;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        SharedStringsHandler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = !inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> strings.add(text.toString());
                case "rPh" -> inPhonetic = false;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /** Turns the cells of the sheet XML into text and hands each row to the {@link Handler}. */
    private static final class SheetHandler extends DefaultHandler {

        private final List<String> strings;
        private final StylesTable styles;
        private final Handler rows;
        private final DataFormatter formatter = new DataFormatter();
        private final StringBuilder value = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inInline;
        private boolean inPhonetic;

        SheetHandler(List<String> strings, StylesTable styles, Handler rows) {
            this.strings = strings;
            this.styles = styles;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
                    column = 0;
                    rows.startRow();
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column : column(r);
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> inValue = inInline && !inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    rows.cell(column, text());
                    column++;
                }
                case "row" -> rows.endRow(rowNumber);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        private String text() {
            if (value.isEmpty()) {
                return null;
            }
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                return number(raw);
            }
            return switch (type) {
                case "s" -> {
                    int index = Integer.parseInt(raw.trim());
                    yield index >= 0 && index < strings.size() ? strings.get(index) : null;
                }
                case "b" -> raw.charAt(0) == '0' ? "FALSE" : "TRUE";
                case "e" -> "ERROR:" + raw;
                default -> raw;
            };
        }

        /** A number as Excel shows it with the cell's number format, or as written when it has none. */
        private String number(String raw) {
            XSSFCellStyle cellStyle = null;
            if (styles != null) {
                if (style != null) {
                    cellStyle = styles.getStyleAt(Integer.parseInt(style.trim()));
                } else if (styles.getNumCellStyles() > 0) {
                    cellStyle = styles.getStyleAt(0);
                }
            }
            if (cellStyle == null) {
                return raw;
            }
            short index = cellStyle.getDataFormat();
            String format = cellStyle.getDataFormatString();
            try {
                return formatter.formatRawCellContents(Double.parseDouble(raw.trim()), index,
                        format == null ? BuiltinFormats.getBuiltinFormat(index) : format);
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        /** The zero-based column of a cell reference such as {@code C12}. */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char ch = reference.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                column = column * 26 + (ch - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Thrown out of the parser to stop reading a file that is too long. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Checks the header, skips blank rows and hands the data rows over. */
    private static final class Handler {

        private final RowSink sink;
        private final int width = RosterFormat.HEADERS.size();
        private String[] cells;
        private boolean headerSeen;
        private boolean headerValid;
        private int rows;

        Handler(RowSink sink) {
            this.sink = sink;
        }

        void startRow() {
            cells = new String[width];
        }

        void cell(int column, String value) {
            if (column >= 0 && column < width) {
                cells[column] = value;
            }
        }

        /** @param rowNumber the row's number as Excel shows it (one-based) */
        void endRow(int rowNumber) {
            boolean blank = true;
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    blank = false;
                    break;
                }
            }
            if (!headerSeen) {
                if (blank) {
                    return;
                }
                headerSeen = true;
                headerValid = header(cells);
                if (!headerValid) {
                    throw new WrongHeader();
                }
                return;
            }
            if (blank) {
                return;
            }
            if (++rows > RosterFormat.MAX_ROWS) {
                throw new TooManyRows();
            }
            sink.row(rowNumber, cells);
        }

        private static boolean header(String[] cells) {
            for (int c = 0; c < RosterFormat.HEADERS.size(); c++) {
                String expected = Text.normalise(RosterFormat.HEADERS.get(c));
                String given = Text.normalise(cells[c] == null ? "" : cells[c]);
                if (c == RosterFormat.EMPLOYER ? !given.startsWith("工作单位") : !expected.equals(given)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops parsing once the header has been found wrong. */
    private static final class WrongHeader extends RuntimeException {
        WrongHeader() {
            super(null, null, false, false);
        }
    }
}
