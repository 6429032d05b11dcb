package org.yuxun.training.enrolment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Text;

/**
 * Reads the first sheet of a roster file row by row with POI's streaming (SAX) reader, so a 100,000-row file is
 * read in constant memory. The header row must name the template's columns; blank rows are skipped.
 */
final class RosterReader {

    /** Receives each data row: its number as Excel shows it (header = 1) and its cells as text. */
    interface RowSink {
        void row(int rowNumber, String[] cells);
    }

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
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notXlsx();
            }
            Handler handler = new Handler(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new DataFormatter(),
                        false));
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

    /** Thrown out of the parser to stop reading a file that is too long. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private final int width = RosterFormat.HEADERS.size();
        private String[] cells;
        private boolean headerSeen;
        private boolean headerValid;
        private int rows;

        Handler(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new String[width];
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank = Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
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
            sink.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = column(reference);
            if (column >= 0 && column < width) {
                cells[column] = value;
            }
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

        private int column(String reference) {
            if (reference == null) {
                return -1;
            }
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

    /** Stops parsing once the header has been found wrong. */
    private static final class WrongHeader extends RuntimeException {
        WrongHeader() {
            super(null, null, false, false);
        }
    }
}
