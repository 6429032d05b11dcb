package org.yuxun.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.training.attendance.CheckInBenchmark;

/**
 * Benchmark of the check-in path (DESIGN.md quality target: ≥ 1,000 check-ins/s, p99 < 100 ms on one 2-core
 * machine). Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw test -Dtest=CheckInBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}. It enrols
 * {@value #LEARNERS} learners in one class, opens a session now, and lets every learner check in once through the
 * same service the phone page calls, {@value #CONCURRENCY} at a time; the floor is the same number of plain
 * single-row JDBC INSERTs with the same concurrency in the same run. Results go to
 * {@code target/benchmarks/check-in.md}; no assertion is made on them.
 */
@SpringBootTest
class CheckInBenchmarkRun {

    static final int LEARNERS = 20_000;
    static final int CONCURRENCY = 32;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CheckInBenchmark driver;

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Test
    void measuresCheckInsAgainstAPlainInsertFloor() throws Exception {
        long college = DataScope.asSystem(() -> jdbc.sql(
                "select id from institution where name = '浙江育训职业技术学院'").query(Long.class).single());
        List<RegisterPerson> commands = new ArrayList<>(LEARNERS + 2_000);
        for (int i = 0; i < LEARNERS + 2_000; i++) {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i / 900);
            String body = "330106" + birth.toString().replace("-", "") + String.format("%03d", i % 900 + 100);
            commands.add(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, body + IdentityNumber.checkCharacter(body),
                    "测试学员", null));
        }
        long t0 = System.nanoTime();
        List<PersonRef> people = DataScope.asSystem(() -> persons.registerAll(commands,
                new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER)));
        Duration registration = Duration.ofNanos(System.nanoTime() - t0);

        long classId = DataScope.asSystem(() -> {
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, theory_hours, delivery_mode, status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', '签到基准项目', 'JOB_SKILLS', 'MARKET',
                                    'OTHER', 4, 'ON_CAMPUS', 'APPROVED') returning id""")
                    .param(college).query(Long.class).single();
            return jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity, status)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, '签到基准班', current_date,
                                    current_date, ?, 'IN_PROGRESS') returning id""")
                    .params(programme, college, LEARNERS + 2_000).query(Long.class).single();
        });
        long warmUp = session(classId, college);
        long measured = session(classId, college);
        Long[] ids = people.stream().map(PersonRef::id).toArray(Long[]::new);
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        select ?, ?, 'HIGHER_VOCATIONAL', '330106', false, p, 'STAFF' from unnest(?::bigint[]) p""")
                .params(classId, college, ids).update());

        List<DataScope> learners = people.stream()
                .map(p -> new DataScope(DataScope.Kind.LEARNER, null, p.id(), null, null)).toList();
        driver.run(warmUp, learners.subList(0, 2_000), CONCURRENCY);
        CheckInBenchmark.Result checkIns = driver.run(measured, learners.subList(2_000, learners.size()),
                CONCURRENCY);
        Floor floor = plainInserts(LEARNERS);

        String report = """
                # Check-in benchmark

                | what | count | per second | p50 | p99 |
                |---|---:|---:|---:|---:|
                | check-in through `CheckIns.checkIn` (token verification, window check, insert under RLS) | %d (%d recorded) | %.0f | %.1f ms | %.1f ms |
                | floor: plain single-row JDBC INSERT, autocommit, same pool and concurrency | %d | %.0f | %.1f ms | %.1f ms |

                Concurrency %d; %d persons registered in batch in %.1f s beforehand (%.0f rows/s).
                """.formatted(checkIns.attempts(), checkIns.recorded(), checkIns.perSecond(), ms(checkIns.p50()),
                ms(checkIns.p99()), floor.count(), floor.perSecond(), ms(floor.p50()), ms(floor.p99()), CONCURRENCY,
                commands.size(), registration.toMillis() / 1000.0,
                commands.size() / Math.max(registration.toNanos() / 1e9, 1e-9));
        Path out = Path.of("target", "benchmarks", "check-in.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private long session(long classId, long college) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                        values (?, ?, now() - interval '10 minutes', now() + interval '2 hours', 'THEORY', 2)
                        returning id""")
                .params(classId, college).query(Long.class).single());
    }

    record Floor(int count, Duration elapsed, Duration p50, Duration p99) {

        double perSecond() {
            return count / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    private Floor plainInserts(int count) throws Exception {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_floor (id bigserial primary key, session_id bigint,"
                    + " person_id bigint, at timestamptz default now())");
            s.execute("truncate bench_floor");
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        Semaphore permits = new Semaphore(CONCURRENCY);
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long person = i;
                permits.acquire();
                futures.add(executor.submit(() -> {
                    long t0 = System.nanoTime();
                    try (Connection c = dataSource.getConnection();
                         PreparedStatement insert = c.prepareStatement(
                                 "insert into bench_floor (session_id, person_id) values (?, ?)")) {
                        insert.setLong(1, 1);
                        insert.setLong(2, person);
                        insert.executeUpdate();
                    } finally {
                        latencies.add(System.nanoTime() - t0);
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table bench_floor");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Floor(count, elapsed, Duration.ofNanos(sorted.get(sorted.size() / 2)),
                Duration.ofNanos(sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1)));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

}
