package org.yuxun.training.enrolment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.yuxun.IntegrationTest;
import org.yuxun.bench.CpuMeter;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.YuxunProperties;

/**
 * Benchmark of the roster import (DESIGN.md quality target: a 100,000-row xlsx validated and committed at
 * ≥ 10,000 rows/s on one 2-core machine). Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw test -Dtest=RosterImportBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>It drives the import exactly as a browser does, through the controller endpoints with MockMvc as
 * {@code college-admin}: multipart upload, the checking job, the report page, the confirmation, the enrolling
 * job, all timed separately; the end-to-end figure runs from the upload request to the enrolling job's success
 * (every row committed). A {@value #WARM_UP}-row import into another class runs first, unmeasured, so the JIT
 * has compiled the path. The class has sessions, {@value #ON_FILE} of the file's learners are already on file
 * and linked to the college, {@value #ENROLLED} of them already sit in the class and {@value #CLASHING} in
 * another class at the same time, so the lookups, the already-enrolled and the timetable-clash checks all do
 * real work. Floors in the same run, over the same rows: unzipping and parsing the sheet XML with an empty
 * handler, {@code COPY} into a plain table, and batched plain {@code INSERT}s; POI's stock streaming reader is
 * timed for comparison. Results go to
 * {@code target/benchmarks/roster-import.md}; the only assertions check that the import did what it should
 * (row counts), never how fast.
 */
@IntegrationTest
class RosterImportBenchmarkRun {

    static final int ROWS = 100_000;
    static final int ON_FILE = 20_000;
    static final int ENROLLED = 1_000;
    static final int CLASHING = 500;
    static final int WARM_UP = 20_000;
    static final long SEED = 7;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Autowired
    YuxunProperties properties;

    @Test
    void measuresTheImportOfAHundredThousandRowsAgainstCopyAndInsertFloors() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "roster-benchmark-", ".xlsx");
        RosterFileGenerator.write(file, ROWS, SEED);
        byte[] bytes = Files.readAllBytes(file);
        CurrentUser admin = accounts.load("college-admin");
        long college = DataScope.asSystem(() -> jdbc.sql(
                "select id from institution where name = '浙江育训职业技术学院'").query(Long.class).single());
        long trainingClass = prepareClass(college);
        warmUp(admin, college);
        CpuMeter cpu = new CpuMeter(properties.dataDir());

        long[] cpuAtUpload = cpu.sample();
        Phase upload = new Phase();
        long check = upload(admin, trainingClass, "roster-100000.xlsx", bytes);
        upload.end();

        Phase checking = new Phase();
        awaitJob(check, null);
        checking.end();
        long[] cpuChecked = cpu.sample();

        Phase report = new Phase();
        String page = mvc.perform(get("/classes/{c}/import/{j}", trainingClass, check).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        report.end();
        int refused = ENROLLED + CLASHING;
        assertThat(page).contains("id=\"rows-total\">" + ROWS + "<", "id=\"rows-valid\">" + (ROWS - refused) + "<",
                "id=\"rows-bad\">" + refused + "<");

        Phase confirm = new Phase();
        String jobLocation = mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, check)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long commit = Long.parseLong(jobLocation.substring(jobLocation.lastIndexOf('/') + 1));
        confirm.end();

        long[] cpuConfirmed = cpu.sample();
        Phase committing = new Phase();
        Set<Long> progress = new LinkedHashSet<>();
        awaitJob(commit, progress);
        committing.end();
        long[] cpuCommitted = cpu.sample();
        Duration endToEnd = Duration.ofNanos(committing.endNanos - upload.startNanos);
        long enrolled = DataScope.asSystem(() -> jdbc.sql(
                        "select count(*) from enrolment where class_id = ? and status = 'ENROLLED'")
                .param(trainingClass).query(Long.class).single());
        assertThat(enrolled).isEqualTo(ROWS - CLASHING);

        Phase errors = new Phase();
        byte[] errorFile = mvc.perform(get("/classes/{c}/import/{j}/errors.xlsx", trainingClass, check)
                        .with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        errors.end();

        Map<String, Object> checkJob = jobTimes(check);
        Map<String, Object> commitJob = jobTimes(commit);
        Duration parse = parseOnly(file);
        Duration read = readOnly(file);
        Duration copy = copyFloor();
        Duration inserts = insertFloor();
        Files.deleteIfExists(file);

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String result = """
                # Roster import benchmark

                %,d-row xlsx (%,d bytes) into one class (capacity %,d) with sessions; %,d learners already on file,
                %,d of them already in the class, %,d in another class at the same time. Through the controller
                endpoints (MockMvc) as college-admin, after an unmeasured %,d-row warm-up import.

                | phase | time | rows/s |
                |---|---:|---:|
                | upload (POST multipart: store file, SHA-256, queue check) | %s | |
                | check job (read, validate, look up, report) — waited / ran | %s / %s | %s |
                | report page (GET) | %s | |
                | confirm (POST) | %s | |
                | enrol job (checked rows, register, check against the class, enrol, commit) — waited / ran | %s / %s | %s |
                | **end to end, upload to all rows committed** | **%s** | **%s** |
                | error file (GET errors.xlsx, %,d bytes; not part of the end-to-end figure) | %s | |

                %,d rows enrolled, %,d refused; %d distinct progress values seen while enrolling: %s

                CPU per row of the file (µs; JVM, which includes the 10 ms job polling, and PostgreSQL, every
                backend): what the other sessions on a shared machine disturb far less than the times above.

                | phase | JVM µs/row | PostgreSQL µs/row | together |
                |---|---:|---:|---:|
                | check job | %s | %s | %s |
                | enrol job | %s | %s | %s |
                | **upload to all rows committed** | %s | %s | **%s** |

                | floor, same rows, same run | time | rows/s |
                |---|---:|---:|
                | unzipping and SAX-parsing the sheet XML with an empty handler | %s | %s |
                | reading the xlsx with POI's stock streaming handler (`XSSFSheetXMLHandler`), for comparison | %s | %s |
                | `COPY` of the rows as text into a plain table (one transaction) | %s | %s |
                | batched plain `INSERT`s of the rows (JDBC batch of 1,000, one transaction) | %s | %s |

                Load average (1, 5, 15 min, running/total, last pid) at the end: %s
                """.formatted(ROWS, bytes.length, ROWS + ENROLLED, ON_FILE, ENROLLED, CLASHING, WARM_UP,
                seconds(upload.elapsed()),
                seconds(checking.elapsed()), seconds((Duration) checkJob.get("ran")), rate(ROWS, checking.elapsed()),
                seconds(report.elapsed()), seconds(confirm.elapsed()),
                seconds(committing.elapsed()), seconds((Duration) commitJob.get("ran")),
                rate(ROWS, committing.elapsed()),
                seconds(endToEnd), rate(ROWS, endToEnd),
                errorFile.length, seconds(errors.elapsed()),
                enrolled - ENROLLED, refused, progress.size(), progress,
                perRow(cpuAtUpload, cpuChecked, 0), perRow(cpuAtUpload, cpuChecked, 1),
                perRow(cpuAtUpload, cpuChecked, 2),
                perRow(cpuConfirmed, cpuCommitted, 0), perRow(cpuConfirmed, cpuCommitted, 1),
                perRow(cpuConfirmed, cpuCommitted, 2),
                perRow(cpuAtUpload, cpuCommitted, 0), perRow(cpuAtUpload, cpuCommitted, 1),
                perRow(cpuAtUpload, cpuCommitted, 2),
                seconds(parse), rate(ROWS, parse), seconds(read), rate(ROWS, read), seconds(copy), rate(ROWS, copy), seconds(inserts),
                rate(ROWS, inserts), load);
        Path out = Path.of("target", "benchmarks", "roster-import.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        System.out.println(result);
    }

    /**
     * Imports a {@value #WARM_UP}-row file of other learners into a class of its own, the whole way, so the
     * measured import runs on compiled code as it would in a server that has been up for a while.
     */
    private void warmUp(CurrentUser admin, long college) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "roster-warm-up-", ".xlsx");
        RosterFileGenerator.write(file, WARM_UP, SEED + 1);
        long trainingClass = DataScope.asSystem(() -> {
            long id = trainingClass(programme(college, "导入预热项目"), college, "导入预热班", WARM_UP);
            session(id);
            return id;
        });
        long check = upload(admin, trainingClass, "warm-up.xlsx", Files.readAllBytes(file));
        awaitJob(check, null);
        String jobLocation = mvc.perform(post("/classes/{c}/import/{j}/confirm", trainingClass, check)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        awaitJob(Long.parseLong(jobLocation.substring(jobLocation.lastIndexOf('/') + 1)), null);
        mvc.perform(get("/classes/{c}/import/{j}", trainingClass, check).with(user(admin)))
                .andExpect(status().isOk());
        Files.deleteIfExists(file);
    }

    private long upload(CurrentUser admin, long trainingClass, String name, byte[] bytes) throws Exception {
        String location = mvc.perform(multipart("/classes/{id}/import", trainingClass)
                        .file(new MockMultipartFile("file", name,
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * A class big enough for the file, with a session; learners already on file, some already in it, some in a
     * class of the same college whose session overlaps.
     */
    private long prepareClass(long college) {
        return DataScope.asSystem(() -> {
            long programme = programme(college, "导入基准项目");
            long trainingClass = trainingClass(programme, college, "导入基准班", ROWS + ENROLLED);
            long other = trainingClass(programme, college, "导入基准冲突班", CLASHING);
            session(trainingClass);
            session(other);
            List<RegisterPerson> commands = new ArrayList<>(ON_FILE);
            for (int i = 0; i < ON_FILE; i++) {
                long n = RosterFileGenerator.number(SEED, i);
                commands.add(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, RosterFileGenerator.identityNumber(n),
                        RosterFileGenerator.name(n), RosterFileGenerator.mobile(n)));
            }
            List<PersonRef> onFile = persons.registerAll(commands,
                    new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER));
            enrol(trainingClass, college, onFile.subList(0, ENROLLED));
            enrol(other, college, onFile.subList(ENROLLED, ENROLLED + CLASHING));
            return trainingClass;
        });
    }

    private long programme(long college, String name) {
        return jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type,
                                               funding_mode, industry_field, theory_hours, delivery_mode, status)
                        values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'MARKET', 'OTHER', 4,
                                'ON_CAMPUS', 'APPROVED') returning id""")
                .params(college, name).query(Long.class).single();
    }

    private long trainingClass(long programme, long college, String name, int capacity) {
        return jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity, status)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, current_date + 7,
                                current_date + 37, ?, 'ENROLLING') returning id""")
                .params(programme, college, name, capacity).query(Long.class).single();
    }

    private void session(long trainingClass) {
        jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                        select id, institution_id, (current_date + 8) + time '09:00', (current_date + 8) + time '11:00',
                               'THEORY', 2
                        from training_class where id = ?""")
                .param(trainingClass).update();
    }

    private void enrol(long trainingClass, long college, List<PersonRef> learners) {
        jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        select ?, ?, 'HIGHER_VOCATIONAL', '330106', false, p, 'STAFF' from unnest(?::bigint[]) p""")
                .params(trainingClass, college, learners.stream().map(PersonRef::id).toArray(Long[]::new)).update();
    }

    /** Polls the job every 10 ms until it has finished; collects the progress values seen on the way. */
    private void awaitJob(long job, Set<Long> progress) throws InterruptedException {
        while (true) {
            Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql(
                    "select state, progress_done, error from job where id = ?").param(job).query().singleRow());
            if (progress != null) {
                progress.add(((Number) row.get("progress_done")).longValue());
            }
            String state = (String) row.get("state");
            if (state.equals("SUCCEEDED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("Job " + job + " failed: " + row.get("error"));
            }
            Thread.sleep(10);
        }
    }

    private Map<String, Object> jobTimes(long job) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select extract(epoch from finished_at - started_at) * 1000 as ran_ms from job where id = ?""")
                .param(job)
                .query((rs, n) -> Map.<String, Object>of("ran",
                        Duration.ofNanos((long) (rs.getDouble("ran_ms") * 1_000_000)))).single());
    }

    /** Floor: the sheet XML unzipped and parsed, every event ignored. */
    private static Duration parseOnly(Path file) throws Exception {
        Phase phase = new Phase();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new DefaultHandler());
                parser.parse(new InputSource(sheet));
            }
        }
        phase.end();
        return phase.elapsed();
    }

    /** For comparison: the file read with POI's stock streaming handler, cells collected and dropped. */
    private static Duration readOnly(Path file) throws Exception {
        Phase phase = new Phase();
        int[] cells = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new XSSFSheetXMLHandler.SheetContentsHandler() {
                            @Override
                            public void startRow(int rowNum) {
                            }

                            @Override
                            public void endRow(int rowNum) {
                            }

                            @Override
                            public void cell(String reference, String value, XSSFComment comment) {
                                cells[0]++;
                            }
                        }, new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        }
        phase.end();
        assertThat(cells[0]).isGreaterThanOrEqualTo(ROWS * 5);
        return phase.elapsed();
    }

    /** Floor: the same rows, as text, {@code COPY}ed into a plain table with no index, in one transaction. */
    private Duration copyFloor() throws Exception {
        StringBuilder text = new StringBuilder(ROWS * 64);
        for (int i = 0; i < ROWS; i++) {
            long n = RosterFileGenerator.number(SEED, i);
            text.append(RosterFileGenerator.name(n)).append("\t居民身份证\t")
                    .append(RosterFileGenerator.identityNumber(n)).append('\t').append(RosterFileGenerator.mobile(n))
                    .append('\t').append(i % 5 == 0 ? "退役军人" : "无").append("\t\\N\n");
        }
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_roster_floor (name text, document_type text, document_number text,"
                    + " phone text, priority_group text, employer text)");
            try {
                c.setAutoCommit(false);
                Phase phase = new Phase();
                long copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_roster_floor from stdin", new StringReader(text.toString()));
                c.commit();
                phase.end();
                assertThat(copied).isEqualTo(ROWS);
                return phase.elapsed();
            } finally {
                c.setAutoCommit(true);
                s.execute("drop table bench_roster_floor");
            }
        }
    }

    /** Floor: the same rows as batched single-row {@code INSERT}s into a plain table, in one transaction. */
    private Duration insertFloor() throws Exception {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_roster_floor (name text, document_type text, document_number text,"
                    + " phone text, priority_group text, employer text)");
            try {
                c.setAutoCommit(false);
                Phase phase = new Phase();
                try (PreparedStatement insert = c.prepareStatement("insert into bench_roster_floor values"
                        + " (?, '居民身份证', ?, ?, ?, null)")) {
                    for (int i = 0; i < ROWS; i++) {
                        long n = RosterFileGenerator.number(SEED, i);
                        insert.setString(1, RosterFileGenerator.name(n));
                        insert.setString(2, RosterFileGenerator.identityNumber(n));
                        insert.setString(3, RosterFileGenerator.mobile(n));
                        insert.setString(4, i % 5 == 0 ? "退役军人" : "无");
                        insert.addBatch();
                        if (i % 1_000 == 999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                phase.end();
                return phase.elapsed();
            } finally {
                c.setAutoCommit(true);
                s.execute("drop table bench_roster_floor");
            }
        }
    }

    /** A stopwatch for one phase. */
    private static final class Phase {

        final long startNanos = System.nanoTime();
        long endNanos;

        void end() {
            endNanos = System.nanoTime();
        }

        Duration elapsed() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    private static String seconds(Duration d) {
        return "%.2f s".formatted(d.toNanos() / 1e9);
    }

    /** CPU µs per row of the file between two samples: of the JVM (0), of PostgreSQL (1), of both (2). */
    private static String perRow(long[] from, long[] to, int which) {
        long nanos = which == 2 ? to[0] - from[0] + to[1] - from[1] : to[which] - from[which];
        return "%,.0f".formatted(nanos / 1_000.0 / ROWS);
    }

    private static String rate(int rows, Duration d) {
        return "%,.0f".formatted(rows / Math.max(d.toNanos() / 1e9, 1e-9));
    }
}
