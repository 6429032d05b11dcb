package org.yuxun.training.enrolment.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.yuxun.shared.IdentityNumber;

/**
 * Writes roster files (学员名单) in the template's layout: {@link #write(Path, int, long)} an N-row file of valid,
 * distinct learners for the import benchmark (100,000 rows), {@link #write(Path, List)} given rows for tests.
 * Uses the streaming SXSSF writer, so a large file is written in constant memory.
 */
public final class RosterFileGenerator {

    /** The template's header row. */
    public static final String[] HEADER = {"姓名", "证件类型", "证件号码", "手机号", "重点人群类别", "工作单位（选填）"};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private RosterFileGenerator() {
    }

    /**
     * Writes {@code rows} valid learners with distinct identity numbers. {@code seed} selects a disjoint range of
     * numbers, so files generated with different seeds never share a learner.
     */
    public static void write(Path file, int rows, long seed) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("学员名单");
            header(sheet);
            for (int i = 0; i < rows; i++) {
                long n = number(seed, i);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(name(n));
                row.createCell(1).setCellValue("居民身份证");
                row.createCell(2).setCellValue(identityNumber(n));
                row.createCell(3).setCellValue(mobile(n));
                row.createCell(4).setCellValue(i % 5 == 0 ? "退役军人" : "无");
            }
            workbook.write(out);
        }
    }

    /** Writes the header and the given rows as text cells. */
    public static void write(Path file, List<String[]> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("学员名单");
            header(sheet);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                String[] cells = rows.get(i);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
        }
    }

    /** The learner number of the {@code i}-th data row (zero-based) of a file written with {@code seed}. */
    public static long number(long seed, int i) {
        return seed * 10_000_000L + i;
    }

    /** The name of the n-th learner of the generator. */
    public static String name(long n) {
        return SURNAMES[(int) (n % SURNAMES.length)] + GIVEN.charAt((int) (n / 10 % GIVEN.length()))
                + GIVEN.charAt((int) (n / 7 % GIVEN.length()));
    }

    /** The mobile number of the n-th learner of the generator. */
    public static String mobile(long n) {
        return "139" + String.format("%08d", n % 100_000_000L);
    }

    /**
     * The n-th identity number of the generator: 17 digits from a Hangzhou address code, a birth date spread over
     * 40 years and a sequence number, plus the GB 11643 check character.
     */
    public static String identityNumber(long n) {
        LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(n % 14_600);
        String first17 = "330106" + birth.format(YYYYMMDD) + String.format("%03d", (n / 14_600) % 1000);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static void header(Sheet sheet) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < HEADER.length; c++) {
            head.createCell(c).setCellValue(HEADER[c]);
        }
    }

    /** {@code RosterFileGenerator <file> <rows> [seed]}: writes a benchmark file. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
    }
}
