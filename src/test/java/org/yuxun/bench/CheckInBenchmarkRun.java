package org.yuxun.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.training.attendance.AttendanceSettings;
import org.yuxun.training.attendance.AttendanceTokens;
import org.yuxun.training.attendance.CheckIns;
import org.yuxun.training.attendance.Device;
import org.yuxun.training.attendance.Direction;

/**
 * Benchmark of check-in (DESIGN.md quality target: ≥ 1,000 check-ins/s, p99 < 100 ms, application, database and
 * load generator on one 2-core machine). Run with the whole suite: {@code ./mvnw -B -Pbench test}.
 *
 * <p>4,000 learner accounts ({@code -Dbench.learners}) sign in through the login form (their passwords are
 * stored as bcrypt of strength 4 so that thousands of sign-ins are quick; the encoder verifies any strength).
 * After a warm-up check-in to a first session, each learner checks in to {@value #SESSIONS} sessions of classes
 * they are enrolled in over HTTP with {@code GET /m/check-in?t=…} — the link of the QR code, with the learner's own
 * session cookie, device cookie and a code renewed as the teacher's screen renews it — 32 requests in flight
 * ({@code -Dbench.concurrency}) from this JVM; then, if {@code wrk} is installed, the same kind of requests for
 * {@value #WRK_SECONDS} seconds to {@value #SESSIONS} further sessions from {@code wrk} in a second process (its
 * client costs far less CPU than the JVM's, so this is the figure closer to a real deployment, where phones are
 * not on the server): first as fast as 32 connections go (the capacity), then at the target's rate of 1,000 per
 * second ({@code -Dbench.wrk.rate}) on a fixed timetable from 128 connections, as phones that scan when their
 * turn comes rather than when the server is done with the last one, each learner at most once to each of 5 further
 * sessions (19 s, 19,000 check-ins, for 4,000 learners), started 5 s after the capacity run
 * ({@code -Dbench.wrk.paced-settle}) — the p99 of the target is read from this run.
 * The same number of check-ins then goes through
 * {@link CheckIns#checkIn} directly (no HTTP) to {@value #SESSIONS} further sessions. Floors measured in the same
 * run: the same number of requests for a static file over the same HTTP connections, and of plain single-row JDBC
 * INSERTs through the application's pool. Figures go to {@code target/benchmarks/check-in.md}; nothing is asserted
 * on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckInBenchmarkRun {

    /** Learners of the run ({@code -Dbench.learners} for a shorter run while working on the path). */
    static final int LEARNERS = Integer.getInteger("bench.learners", 4_000);
    static final int SESSIONS = 5;
    static final int CHECK_INS = LEARNERS * SESSIONS;
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    static final String PASSWORD = "Bench@2026";
    /** Length of the run from {@code wrk}: short enough that the codes it sends stay valid (30 s). */
    static final int WRK_SECONDS = Integer.getInteger("bench.wrk.seconds", 8);
    /** Offered rate of the paced run from {@code wrk}: the target's rate. */
    static final int PACED_RATE = Integer.getInteger("bench.wrk.rate", 1_000);
    /** Connections of the paced run: phones waiting for their turn, enough that one is free when a slot comes. */
    static final int PACED_CONNECTIONS = Integer.getInteger("bench.wrk.paced-connections", 128);
    /** Pause between the capacity run and the paced run. */
    static final Duration PACED_SETTLE = Duration.ofSeconds(Integer.getInteger("bench.wrk.paced-settle", 5));
    /**
     * Length of the paced run: a second less than every learner to each of its sessions once at the target's rate
     * (19 s for 4,000 learners), so that no line is sent twice — a repeat is refused as a code already used, by the
     * slower path that finds out why — and within the codes' lifetime (30 s).
     */
    static final int PACED_SECONDS = Integer.getInteger("bench.wrk.paced-seconds",
            Math.max(WRK_SECONDS, Math.min(25, CHECK_INS / PACED_RATE - 1)));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CheckIns checkIns;

    @Autowired
    AttendanceTokens tokens;

    @Autowired
    AttendanceSettings settings;

    @Autowired
    DataSource dataSource;

    @Autowired
    YuxunProperties properties;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    /** A learner of the run: account, person and the cookies of their signed-in phone. */
    record Learner(long userId, long personId, String cookies, String userAgent) {
    }

    @Test
    void measuresCheckInsAgainstPlainInsertAndHttpFloors() throws Exception {
        CpuMeter cpu = new CpuMeter(properties.dataDir());
        Load.measureCpuWith(cpu);
        long college = DataScope.asSystem(() -> jdbc.sql(
                "select id from institution where name = '浙江育训职业技术学院'").query(Long.class).single());
        long t0 = System.nanoTime();
        List<PersonRef> people = DataScope.asSystem(() -> persons.registerAll(registrations(),
                new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER)));
        Duration registration = Duration.ofNanos(System.nanoTime() - t0);
        Long[] personIds = people.stream().map(PersonRef::id).toArray(Long[]::new);
        List<long[]> accounts = createAccounts(personIds);

        long programme = DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type,
                                               funding_mode, industry_field, theory_hours, delivery_mode, status)
                        values (?, 'HIGHER_VOCATIONAL', '330106', '签到基准项目', 'JOB_SKILLS', 'MARKET',
                                'OTHER', 4, 'ON_CAMPUS', 'APPROVED') returning id""")
                .param(college).query(Long.class).single());
        long warmUp = classWithOpenSession(programme, college, personIds, 0);
        long[] overHttp = new long[SESSIONS];
        long[] direct = new long[SESSIONS];
        long[] overWrk = new long[SESSIONS];
        long[] paced = new long[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            overHttp[i] = classWithOpenSession(programme, college, personIds, 1 + i);
            direct[i] = classWithOpenSession(programme, college, personIds, 1 + SESSIONS + i);
            overWrk[i] = classWithOpenSession(programme, college, personIds, 1 + 2 * SESSIONS + i);
            paced[i] = classWithOpenSession(programme, college, personIds, 1 + 3 * SESSIONS + i);
        }

        BenchHttp http = new BenchHttp(port);
        List<Learner> learners = new ArrayList<>(LEARNERS);
        Learner[] signedIn = new Learner[LEARNERS];
        Load.Result signIns = Load.run(LEARNERS, CONCURRENCY, i -> {
            String userAgent = "Mozilla/5.0 (Linux; Android 14; bench-" + i + ") Mobile";
            String session = http.signIn(username(i), PASSWORD);
            signedIn[i] = new Learner(accounts.get(i)[0], accounts.get(i)[1],
                    "SESSION=" + session + "; yx_device=" + UUID.randomUUID(), userAgent);
            return true;
        });
        if (signIns.succeeded() != LEARNERS) {
            throw new IllegalStateException("sign-in failed: " + signIns.firstFailure());
        }
        learners.addAll(List.of(signedIn));

        Codes warmUpCodes = new Codes(new long[] {warmUp});
        Load.Result warm = Load.run(LEARNERS, CONCURRENCY, i -> checkInOverHttp(http, learners.get(i),
                warmUpCodes.code(0)));
        Codes httpCodes = new Codes(overHttp);
        Load.Result httpCheckIns = Load.run(CHECK_INS, CONCURRENCY, i -> checkInOverHttp(http,
                learners.get(i % LEARNERS), httpCodes.code(i / LEARNERS)));
        String wrkRow = "| check-in over HTTP from `wrk` | not run: `wrk` is not installed (`apt-get install -y wrk`)"
                + " | | | | | |";
        String pacedRow = "";
        Optional<Path> wrk = Wrk.executable();
        if (wrk.isPresent()) {
            Wrk.Result result = Wrk.run(wrk.get(), port, wrkLines(learners, overWrk), CONCURRENCY,
                    Duration.ofSeconds(WRK_SECONDS), "data-result=\"success\"", cpu);
            wrkRow = result.row("check-in over HTTP from `wrk` (second process), %d connections as fast as they go, %d s"
                    .formatted(CONCURRENCY, WRK_SECONDS));
            // the paced run starts from a settled machine, as a class's check-ins do, not in the wake of the capacity
            // run (its batched session touches and the autovacuum its inserts set off)
            Thread.sleep(PACED_SETTLE.toMillis());
            Wrk.Result atRate = Wrk.run(wrk.get(), port, wrkLines(learners, paced), PACED_CONNECTIONS,
                    Duration.ofSeconds(PACED_SECONDS), "data-result=\"success\"", PACED_RATE, cpu);
            pacedRow = "\n" + atRate.row("check-in over HTTP from `wrk`, %,d/s offered on a timetable from %d connections, %d s"
                    .formatted(PACED_RATE, PACED_CONNECTIONS, PACED_SECONDS));
        }
        Codes directCodes = new Codes(direct);
        Load.Result directCheckIns = Load.run(CHECK_INS, CONCURRENCY, i -> {
            Learner learner = learners.get(i % LEARNERS);
            DataScope scope = new DataScope(DataScope.Kind.LEARNER, learner.userId(), learner.personId(), null, null);
            Device device = new Device("bench-" + (i % LEARNERS), "10.99." + (i % 200) + "." + (i % 250),
                    learner.userAgent());
            String code = directCodes.code(i / LEARNERS);
            DataScope.as(scope, () -> checkIns.checkIn(code, null, learner.personId(), device));
            return true;
        });
        Load.Result httpFloor = Load.run(CHECK_INS, CONCURRENCY, i -> http.get("/js/yuxun.js",
                learners.get(i % LEARNERS).cookies(), "bench").statusCode() == 200);
        Load.Result jdbcFloor = plainInserts();
        long recorded = DataScope.asSystem(() -> jdbc.sql("select count(*) from check_in where session_id = any(?)")
                .param(concat(overHttp, direct)).query(Long.class).single());
        long recordedFromWrk = DataScope.asSystem(() -> jdbc.sql(
                        "select count(*) from check_in where session_id = any(?)")
                .param(concat(overWrk, paced)).query(Long.class).single());

        String report = """
                # Check-in benchmark

                %s, %d cores, load average before the run: %s

                | what | count | per second | p50 | p99 | CPU per op (JVM + DB) | per second on 2 idle cores |
                |---|---:|---:|---:|---:|---:|---:|
                %s
                %s%s
                %s
                %s
                %s

                %,d check-ins recorded in the measured sessions (of %,d tried); %,d from `wrk`. %d requests in flight; %,d learners
                each checked in to %d sessions per path after a warm-up of %,d check-ins over HTTP (%,.0f/s, p99
                %.1f ms). Before: %,d persons registered in batch (%,.0f rows/s), %,d sign-ins through the login form
                (%,.0f/s).%s
                """.formatted(Runtime.version(), Runtime.getRuntime().availableProcessors(), loadBefore,
                httpCheckIns.row("check-in over HTTP: `GET /m/check-in?t=…`, signed-in learner sessions"),
                wrkRow, pacedRow,
                directCheckIns.row("check-in through `CheckIns.checkIn` (no HTTP)"),
                httpFloor.row("floor: `GET /js/yuxun.js` (static file) over the same HTTP client"),
                jdbcFloor.row("floor: plain single-row JDBC INSERT, autocommit, same pool"),
                recorded, 2L * CHECK_INS, recordedFromWrk, CONCURRENCY, LEARNERS, SESSIONS, warm.count(), warm.perSecond(),
                warm.p99().toNanos() / 1e6, LEARNERS, LEARNERS / Math.max(registration.toNanos() / 1e9, 1e-9),
                signIns.succeeded(), signIns.perSecond(), failures(signIns, warm, httpCheckIns, directCheckIns,
                        httpFloor, jdbcFloor));
        Path out = Path.of("target", "benchmarks", "check-in.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** One line per check-in of every learner to each of the sessions, with fresh codes, for {@link Wrk}. */
    private List<String> wrkLines(List<Learner> learners, long[] sessions) {
        Codes codes = new Codes(sessions);
        List<String> lines = new ArrayList<>(LEARNERS * sessions.length);
        for (int i = 0; i < LEARNERS * sessions.length; i++) {
            Learner learner = learners.get(i % LEARNERS);
            lines.add("/m/check-in?t=" + codes.code(i / LEARNERS) + "\t" + learner.cookies() + "\t"
                    + learner.userAgent());
        }
        return lines;
    }

    private final String loadBefore = loadAverage();

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Requests the check-in link with the learner's cookies; success is the page's success card. */
    private static boolean checkInOverHttp(BenchHttp http, Learner learner, String code) throws Exception {
        HttpResponse<String> response = http.get("/m/check-in?t=" + code, learner.cookies(), learner.userAgent());
        return response.statusCode() == 200 && response.body().contains("data-result=\"success\"");
    }

    /** The current code of each session, renewed as often as the teacher's screen renews it. */
    private final class Codes {

        private final long[] sessions;
        private final AtomicReference<String[]> codes = new AtomicReference<>();
        private final AtomicLong issuedAt = new AtomicLong();

        Codes(long[] sessions) {
            this.sessions = sessions;
            renew();
        }

        String code(int session) {
            if (System.nanoTime() - issuedAt.get() > settings.tokenRotation().toNanos()) {
                renew();
            }
            return codes.get()[session];
        }

        private synchronized void renew() {
            String[] fresh = new String[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                fresh[i] = tokens.issue(sessions[i], Direction.IN);
            }
            codes.set(fresh);
            issuedAt.set(System.nanoTime());
        }
    }

    private static List<RegisterPerson> registrations() {
        List<RegisterPerson> commands = new ArrayList<>(LEARNERS);
        for (int i = 0; i < LEARNERS; i++) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(i / 900);
            String body = "330106" + birth.toString().replace("-", "") + String.format("%03d", i % 900 + 100);
            commands.add(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, body + IdentityNumber.checkCharacter(body),
                    "签到学员", null));
        }
        return commands;
    }

    private static String username(int i) {
        return "bench-learner-" + i;
    }

    /** Learner accounts for the persons, in order: {user id, person id}. */
    private List<long[]> createAccounts(Long[] personIds) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        return DataScope.asSystem(() -> {
            List<long[]> created = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, org_kind, person_id)
                            select 'bench-learner-' || (n - 1), ?, '签到学员', 'NONE', p
                            from unnest(?::bigint[]) with ordinality as t(p, n)
                            order by n
                            returning id, person_id""")
                    .params(hash, personIds)
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            jdbc.sql("insert into user_role (user_id, role_code) select u, 'LEARNER' from unnest(?::bigint[]) u")
                    .param(created.stream().map(a -> a[0]).toArray(Long[]::new)).update();
            Map<Long, long[]> byPerson = new HashMap<>();
            created.forEach(a -> byPerson.put(a[1], a));
            return Arrays.stream(personIds).map(byPerson::get).toList();
        });
    }

    /** A class of the programme with all learners enrolled and one session open for check-in now. */
    private long classWithOpenSession(long programme, long college, Long[] personIds, int n) {
        return DataScope.asSystem(() -> {
            long classId = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity, status)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, current_date, current_date, ?,
                                    'IN_PROGRESS') returning id""")
                    .params(programme, college, "签到基准班" + n, LEARNERS).query(Long.class).single();
            jdbc.sql("""
                            insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                                   person_id, source)
                            select ?, ?, 'HIGHER_VOCATIONAL', '330106', false, p, 'STAFF' from unnest(?::bigint[]) p""")
                    .params(classId, college, personIds).update();
            return jdbc.sql("""
                            insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                            values (?, ?, now() - interval '10 minutes', now() + interval '2 hours', 'THEORY', 2)
                            returning id""")
                    .params(classId, college).query(Long.class).single();
        });
    }

    private Load.Result plainInserts() throws Exception {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_floor (id bigserial primary key, session_id bigint,"
                    + " person_id bigint, at timestamptz default now())");
            s.execute("truncate bench_floor");
        }
        Load.Result result = Load.run(CHECK_INS, CONCURRENCY, i -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement insert = c.prepareStatement(
                         "insert into bench_floor (session_id, person_id) values (?, ?)")) {
                insert.setLong(1, 1);
                insert.setLong(2, i);
                return insert.executeUpdate() == 1;
            }
        });
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table bench_floor");
        }
        return result;
    }

    private static Long[] concat(long[] a, long[] b) {
        Long[] all = new Long[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            all[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            all[a.length + i] = b[i];
        }
        return all;
    }

    private static String failures(Load.Result... results) {
        StringBuilder text = new StringBuilder();
        for (Load.Result result : results) {
            if (result.firstFailure() != null) {
                text.append("\nFirst failure: ").append(result.firstFailure());
            }
        }
        return text.toString();
    }
}
