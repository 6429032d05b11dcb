package org.yuxun.training.enrolment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.shared.database.ScopedDataSource;
import org.yuxun.shared.jobs.JobContext;
import org.yuxun.shared.jobs.JobView;
import org.yuxun.shared.jobs.Jobs;
import org.yuxun.training.EnrolmentManagement.Source;

/**
 * Batch enrolment from a roster file (批量导入). An upload is stored in the data directory and checked by a
 * background job that writes a report (valid rows; each bad row with its column and reason) into the job's
 * result — nothing is enrolled yet. Only when the user confirms does a second job check the file again against
 * the class as it stands then and enrol the valid rows, in chunks with progress. The state between the two
 * lives in the job table and the file, not in an HTTP session, so any node can serve the confirmation; the file
 * is deleted once its rows are enrolled. Every enrolment carries the SHA-256 of the file and its row number as
 * {@code import_key}, unique per class, so confirming the same file twice, or uploading it again, enrols nobody
 * twice.
 */
@Service
class RosterImport {

    static final String VALIDATE = "enrolment.import.validate";
    static final String COMMIT = "enrolment.import.commit";

    /** Rows registered and enrolled per transaction: large enough for set-based statements, small for progress. */
    private static final int CHUNK = 5_000;

    /**
     * Chunks enrolled at once. PostgreSQL runs each statement on one core; with two chunks in flight one registers
     * its persons (hashing and encrypting in Java, inserting in PostgreSQL) while the other holds the class lock
     * and enrols, so both cores of the reference machine work.
     */
    private static final int PARALLEL_CHUNKS = 2;
    private static final int PROGRESS_EVERY = 5_000;
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(\\w+)");
    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

    private final EnrolmentStore store;
    private final CheckedRoster checked;
    private final Learners learners;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final Path directory;

    RosterImport(EnrolmentStore store, CheckedRoster checked, Learners learners, Jobs jobs, AuditLog audit,
                 PlatformTransactionManager transactionManager, YuxunProperties properties) {
        this.store = store;
        this.checked = checked;
        this.learners = learners;
        this.jobs = jobs;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.directory = properties.dataDir().resolve("files").resolve("imports");
    }

    /** The report of a checked file as the page shows it. */
    record Report(JobView job, int rows, int valid, int bad, List<Map<String, Object>> problems, String fileName,
                  Long commitJob) {
    }

    /**
     * Stores the upload and queues its check.
     *
     * @return the id of the checking job
     * @throws InvalidInput at {@code file} when no file, a file too large, or not an xlsx workbook was sent
     */
    long upload(long classId, MultipartFile file) {
        ClassFacts facts = store.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        if (!facts.open()) {
            throw new InvalidInput("file", "enrolment.class.closed", "该培训班已结束或已取消，不能再报名");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "enrolment.import.noFile", "请选择要上传的文件");
        }
        if (file.getSize() > RosterFormat.MAX_BYTES) {
            throw new InvalidInput("file", "enrolment.import.tooLarge", "文件不能超过50MB", 50);
        }
        String key = UUID.randomUUID() + ".xlsx";
        String sha256;
        try {
            Files.createDirectories(directory);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
                byte[] head = in.readNBytes(4);
                if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                    throw new InvalidInput("file", "enrolment.import.notXlsx",
                            "请上传由模板填写的 Excel 文件（.xlsx）");
                }
                try (OutputStream out = Files.newOutputStream(directory.resolve(key))) {
                    out.write(head);
                    in.transferTo(out);
                }
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("classId", classId);
        parameters.put("file", key);
        parameters.put("fileName", fileName(file));
        parameters.put("sha256", sha256);
        return jobs.submit(VALIDATE, parameters, null);
    }

    /** The report of a checking job of this class, for its owner. */
    Report report(long classId, long jobId) {
        JobView job = validationJob(classId, jobId);
        Map<String, Object> parameters = jobs.parameters(jobId).orElseThrow();
        Map<String, Object> result = job.result();
        Long commit = parameters.get("commitJob") instanceof Number n ? n.longValue() : null;
        if (result == null) {
            return new Report(job, 0, 0, 0, List.of(), (String) parameters.get("fileName"), commit);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) result.get("problems");
        return new Report(job, number(result, "rows"), number(result, "valid"), number(result, "bad"), problems,
                (String) parameters.get("fileName"), commit);
    }

    /**
     * Queues the enrolment of the valid rows of a checked file. Confirming twice queues nothing new.
     *
     * @return the id of the enrolling job
     */
    long confirm(long classId, long jobId) {
        Report report = report(classId, jobId);
        if (report.commitJob() != null) {
            return report.commitJob();
        }
        if (report.job().state() != JobView.State.SUCCEEDED) {
            throw new InvalidInput(null, "enrolment.import.notChecked", "文件尚未校验完成，不能确认导入");
        }
        if (report.valid() == 0) {
            throw new InvalidInput(null, "enrolment.import.nothingValid", "没有可以导入的有效数据");
        }
        Map<String, Object> parameters = new LinkedHashMap<>(jobs.parameters(jobId).orElseThrow());
        parameters.put("validationJob", jobId);
        return transactions.execute(status -> {
            long commit = jobs.submit(COMMIT, parameters, (long) report.valid());
            jobs.updateParameter(jobId, "commitJob", commit);
            return commit;
        });
    }

    /** The rows of the file that failed, each with its reasons in an added 错误原因 column. */
    void writeErrors(long classId, long jobId, OutputStream out) throws IOException {
        Report report = report(classId, jobId);
        Map<Integer, String> reasons = new HashMap<>();
        for (Map<String, Object> p : report.problems()) {
            int row = ((Number) p.get("row")).intValue();
            String text = (p.get("columnLabel") == null ? "" : p.get("columnLabel") + "：") + p.get("message");
            reasons.merge(row, text, (a, b) -> a + "；" + b);
        }
        Path file = file(jobs.parameters(jobId).orElseThrow());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("错误数据");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("行号");
            for (int c = 0; c < RosterFormat.HEADERS.size(); c++) {
                head.createCell(c + 1).setCellValue(RosterFormat.HEADERS.get(c));
            }
            head.createCell(RosterFormat.HEADERS.size() + 1).setCellValue(RosterFormat.ERROR_HEADER);
            head.forEach(cell -> cell.setCellStyle(bold));
            int[] next = {1};
            if (Files.exists(file)) {
                RosterReader.read(file, (rowNumber, cells) -> {
                    String reason = reasons.get(rowNumber);
                    if (reason != null) {
                        Row row = sheet.createRow(next[0]++);
                        row.createCell(0).setCellValue(rowNumber);
                        for (int c = 0; c < cells.length; c++) {
                            row.createCell(c + 1).setCellValue(cells[c] == null ? "" : cells[c]);
                        }
                        row.createCell(cells.length + 1).setCellValue(reason);
                    }
                });
            }
            workbook.write(out);
        }
    }

    /** The checking job: reads and checks the whole file and records the report. */
    Object validate(JobContext context) {
        long classId = context.number("classId");
        ClassFacts facts = store.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        Path file = file(context.parameters());
        try {
            RosterValidator.Result result = check(context, facts, file, true);
            if (!result.valid().isEmpty()) {
                checked.write(file, result.valid());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", result.rows());
            out.put("valid", result.valid().size());
            out.put("bad", result.badRows());
            out.put("problems", result.problems().stream().map(RosterImport::problem).toList());
            out.put("link", "/classes/" + classId + "/import/" + context.id());
            return out;
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * The enrolling job: takes the rows the checking job found valid (kept encrypted beside the upload; a file
     * checked before they were kept is read and checked again), then registers and enrols them chunk by chunk,
     * each chunk in one transaction that checks them against the class as it is now — already in it, in a class
     * at the same time — and locks the class before it enrols, so the places left are counted exactly. Rows
     * refused by the check stay refused: what is enrolled is at most what the user confirmed.
     */
    Object commit(JobContext context) {
        long classId = context.number("classId");
        String sha256 = context.text("sha256");
        Path file = file(context.parameters());
        ClassFacts facts = store.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        long started = System.nanoTime();
        List<RosterValidator.ValidRow> valid;
        List<RosterValidator.Problem> refused;
        Optional<List<RosterValidator.ValidRow>> kept = Files.exists(file) ? checked.read(file) : Optional.empty();
        if (kept.isPresent()) {
            valid = kept.get();
            refused = new ArrayList<>();
        } else {
            RosterValidator.Result result = check(context, facts, file, false);
            valid = result.valid();
            refused = new ArrayList<>(result.problems());
        }
        int refusedByCheck = kept.isPresent() ? problemsOf(context) : 0;
        log.info("Roster import into class {}: {} checked rows taken in {} ms", classId, valid.size(),
                (System.nanoTime() - started) / 1_000_000);
        long total = valid.size();
        context.progress(0, total);
        started = System.nanoTime();
        int enrolled = enrolChunks(context, facts, sha256, valid, refused);
        log.info("Roster import into class {}: {} rows registered and enrolled in {} ms", classId, valid.size(),
                (System.nanoTime() - started) / 1_000_000);
        deleteQuietly(file);
        int done = enrolled;
        int notEnrolled = refusedByCheck + refused.size();
        transactions.executeWithoutResult(status -> audit.record("IMPORT", "TrainingClass", classId,
                "批量导入学员：" + done + " 人", null, Map.of("enrolled", done, "refused", notEnrolled,
                        "file", sha256)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enrolled", enrolled);
        out.put("refused", notEnrolled);
        out.put("link", "/classes/" + classId + "/enrolments");
        return out;
    }

    /**
     * Enrols the rows chunk by chunk, {@value #PARALLEL_CHUNKS} chunks at a time, each in its own transaction in
     * the job owner's scope; reports the rows done as progress after each chunk. Should a chunk fail, the chunks
     * not started are dropped, the running ones finish, and the failure ends the job; the chunks committed stay
     * committed and a new run of the job skips them by their import keys.
     *
     * @return the number of rows enrolled
     */
    private int enrolChunks(JobContext context, ClassFacts facts, String sha256,
                            List<RosterValidator.ValidRow> valid, List<RosterValidator.Problem> refused) {
        DataScope scope = ScopedDataSource.currentScope();
        SecurityContext security = SecurityContextHolder.getContext();
        List<RosterValidator.Problem> problems = Collections.synchronizedList(refused);
        AtomicLong done = new AtomicLong();
        long total = valid.size();
        List<Future<Integer>> chunks = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_CHUNKS,
                Thread.ofPlatform().name("roster-import-", 0).daemon().factory())) {
            for (int from = 0; from < valid.size(); from += CHUNK) {
                List<RosterValidator.ValidRow> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
                chunks.add(workers.submit(() -> inScope(scope, security, () -> {
                    int enrolled = transactions.execute(status -> enrolChunk(facts, sha256, chunk, problems));
                    context.progress(done.addAndGet(chunk.size()), total);
                    return enrolled;
                })));
            }
            int enrolled = 0;
            try {
                for (Future<Integer> chunk : chunks) {
                    enrolled += chunk.get();
                }
            } catch (ExecutionException e) {
                chunks.forEach(chunk -> chunk.cancel(false));
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                chunks.forEach(chunk -> chunk.cancel(false));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Roster import interrupted", e);
            }
            return enrolled;
        }
    }

    private static <T> T inScope(DataScope scope, SecurityContext security, Supplier<T> work) {
        SecurityContextHolder.setContext(security);
        try {
            return DataScope.as(scope, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * One chunk, in one transaction: registers the rows' persons (or links those on file), refuses those in a
     * class at the same time (checked across scope), then locks the class and enrols the rest up to the places
     * left. Persons already in the class are found by the insert itself: the unique index on class and person
     * (and the import key, for a row a failed run already enrolled) skips them, and every row the insert skipped
     * is refused as already in the class, its place offered to the next rows. A separate query for them depended
     * on the plan PostgreSQL chose from statistics that lag behind a class filling up, and took up to 27 s for a
     * chunk on the shared machine; the index probe of the insert does not. Only counting the places and inserting
     * happen under the lock, so one chunk registers and checks while another enrols. When the registry refuses
     * rows (a document on file under another name), the registration is rolled back to a savepoint, those rows are
     * refused and the rest registered again.
     */
    private int enrolChunk(ClassFacts classFacts, String sha256, List<RosterValidator.ValidRow> chunk,
                           List<RosterValidator.Problem> refused) {
        long started = System.nanoTime();
        long classId = classFacts.id();
        List<RosterValidator.ValidRow> rows = new ArrayList<>(chunk);
        List<Long> ids;
        try {
            List<RosterValidator.ValidRow> all = rows;
            ids = savepoint.execute(status -> learners.asLearnersOf(classFacts.institutionId(),
                    all.stream().map(RosterValidator.ValidRow::details).toList()));
        } catch (InvalidInput e) {
            Set<Integer> bad = new HashSet<>();
            for (InvalidInput.Violation v : e.violations()) {
                Matcher m = v.field() == null ? null : ROW_FIELD.matcher(v.field());
                if (m != null && m.matches()) {
                    int index = Integer.parseInt(m.group(1));
                    bad.add(index);
                    refused.add(new RosterValidator.Problem(rows.get(index).row(), m.group(2), v.code(),
                            v.defaultMessage(), List.of()));
                }
            }
            List<RosterValidator.ValidRow> kept = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!bad.contains(i)) {
                    kept.add(rows.get(i));
                }
            }
            rows = kept;
            ids = rows.isEmpty() ? List.of() : learners.asLearnersOf(classFacts.institutionId(),
                    rows.stream().map(RosterValidator.ValidRow::details).toList());
        }
        long registered = System.nanoTime();
        Set<Long> overlapping = store.overlapping(classId, ids);
        List<Integer> candidates = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (overlapping.contains(ids.get(i))) {
                refused.add(new RosterValidator.Problem(rows.get(i).row(), null, "enrolment.person.overlap",
                        "该学员已报名的其他培训班与本班上课时间冲突", List.of()));
            } else {
                candidates.add(i);
            }
        }
        ClassFacts facts = store.lockClass(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        long places = facts.capacity() - store.taken(classId);
        int inserted = 0;
        int next = 0;
        while (next < candidates.size() && inserted < places) {
            List<Integer> batch = candidates.subList(next,
                    (int) Math.min(candidates.size(), next + places - inserted));
            next += batch.size();
            List<EnrolmentStore.NewEnrolment> insert = new ArrayList<>(batch.size());
            for (int i : batch) {
                RosterValidator.ValidRow row = rows.get(i);
                insert.add(new EnrolmentStore.NewEnrolment(ids.get(i), null, row.group().stored(),
                        Source.IMPORT.name(), sha256 + ":" + row.row(), row.employer()));
            }
            Set<Long> enrolled = store.insert(facts, insert);
            for (int i : batch) {
                if (enrolled.contains(ids.get(i))) {
                    inserted++;
                } else {
                    refused.add(new RosterValidator.Problem(rows.get(i).row(), "documentNumber",
                            "enrolment.person.alreadyEnrolled", "该学员已在本班", List.of()));
                }
            }
        }
        for (int i : candidates.subList(next, candidates.size())) {
            refused.add(new RosterValidator.Problem(rows.get(i).row(), null, "enrolment.import.overCapacity",
                    "超出班级剩余名额", List.of(Math.max(places, 0))));
        }
        log.debug("Roster import chunk of {} rows: registered in {} ms, enrolled in {} ms", chunk.size(),
                (registered - started) / 1_000_000, (System.nanoTime() - registered) / 1_000_000);
        return inserted;
    }

    /**
     * Reads and checks the file against the class as it is now.
     *
     * @param showReading whether to report the rows read as the job's progress (the checking job); the enrolling
     *     job's progress counts rows enrolled instead
     */
    private RosterValidator.Result check(JobContext context, ClassFacts facts, Path file, boolean showReading) {
        if (!Files.exists(file)) {
            throw new InvalidInput("file", "enrolment.import.gone", "上传的文件已处理或已过期，请重新上传");
        }
        long started = System.nanoTime();
        RosterValidator validator = new RosterValidator();
        int[] seen = {0};
        RosterReader.read(file, (row, cells) -> {
            validator.row(row, cells);
            if (++seen[0] % PROGRESS_EVERY == 0 && showReading) {
                context.progress(seen[0], null);
            }
        });
        long read = System.nanoTime();
        long taken = store.taken(facts.id());
        boolean known = taken > 0 || store.hasSessions(facts.id());
        RosterValidator.Result result = validator.finish((int) Math.max(0, facts.capacity() - taken),
                rows -> known ? knownPersons(facts.id(), rows) : Map.of());
        log.info("Roster import into class {}: {} rows read and checked in {} ms, checked against the class in {} ms",
                facts.id(), seen[0], (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return result;
    }

    /**
     * Rows whose person is already in the class or in another class at the same time. Only needed when the class
     * has enrolments or sessions; a new, empty class skips the lookups. The persons are looked up in the caller's
     * scope a chunk at a time and checked with two set-based queries; the enrolling job checks every chunk again
     * across scope before it inserts.
     */
    private Map<Integer, RosterValidator.Problem> knownPersons(long classId, List<RosterValidator.ValidRow> rows) {
        Map<Long, List<Integer>> byPerson = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<RosterValidator.ValidRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            learners.findAll(chunk.stream().map(RosterValidator.ValidRow::details).toList()).forEach((index, id) ->
                    byPerson.computeIfAbsent(id, k -> new ArrayList<>(1)).add(chunk.get(index).row()));
        }
        List<Long> ids = List.copyOf(byPerson.keySet());
        Map<Integer, RosterValidator.Problem> refused = new HashMap<>();
        for (long id : store.alreadyEnrolled(classId, ids)) {
            byPerson.get(id).forEach(row -> refused.put(row, new RosterValidator.Problem(row, "documentNumber",
                    "enrolment.person.alreadyEnrolled", "该学员已在本班", List.of())));
        }
        for (long id : store.overlapping(classId, ids)) {
            byPerson.get(id).forEach(row -> refused.putIfAbsent(row, new RosterValidator.Problem(row, null,
                    "enrolment.person.overlap", "该学员已报名的其他培训班与本班上课时间冲突", List.of())));
        }
        return refused;
    }

    private JobView validationJob(long classId, long jobId) {
        JobView job = jobs.find(jobId).filter(j -> j.kind().equals(VALIDATE))
                .orElseThrow(() -> new NotFound("Job", jobId));
        Map<String, Object> parameters = jobs.parameters(jobId).orElseThrow(() -> new NotFound("Job", jobId));
        if (!(parameters.get("classId") instanceof Number n) || n.longValue() != classId) {
            throw new NotFound("Job", jobId);
        }
        store.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        return job;
    }

    private Path file(Map<String, Object> parameters) {
        String key = String.valueOf(parameters.get("file"));
        if (!key.matches("[0-9a-f-]{36}\\.xlsx")) {
            throw new NotFound("ImportFile", key);
        }
        return directory.resolve(key);
    }

    private static Map<String, Object> problem(RosterValidator.Problem p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("row", p.row());
        map.put("column", p.column());
        int column = p.column() == null ? -1 : RosterFormat.KEYS.indexOf(p.column());
        map.put("columnLabel", column < 0 ? null : RosterFormat.HEADERS.get(column));
        map.put("code", p.code());
        map.put("message", p.message());
        map.put("args", p.args());
        return map;
    }

    private static int number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.intValue() : 0;
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "roster.xlsx"
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The number of problems the checking job of this enrolling job reported. */
    private int problemsOf(JobContext context) {
        if (!(context.parameters().get("validationJob") instanceof Number job)) {
            return 0;
        }
        return jobs.find(job.longValue()).map(JobView::result)
                .map(result -> result.get("problems") instanceof List<?> problems ? problems.size() : 0)
                .orElse(0);
    }

    private static void deleteQuietly(Path file) {
        CheckedRoster.delete(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
