package org.yuxun.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.yuxun.shared.YuxunProperties;
import org.yuxun.subsidy.internal.SubsidyChecks;

/**
 * Benchmark of the cross-institution checks of a subsidy claim (issue 6: the checks for a 1,000-line claim against
 * 1,000,000 earlier claim lines finish in under 2 seconds). Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw -B -Pbench test -Dtest=SubsidyCheckBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@value #EARLIER} earlier claim lines of {@value #PERSONS} persons (50 occupations × 5 levels, four years, cities
 * of 浙江) are loaded with {@code COPY}; then a claim of {@value #LINES} learners for one occupation and level — half
 * of them already subsidised for it — runs {@link SubsidyChecks#previousSubsidies} and
 * {@link SubsidyChecks#subsidiesInYear} (what generating a claim asks of the earlier lines), {@value #RUNS} times
 * after {@value #WARM_UP} warm-ups. The floor is one plain indexed lookup of the same 1,000 keys as the table owner
 * (no row-level security, no findings). Results go to {@code target/benchmarks/subsidy-checks.md}; no assertion is
 * made on them.
 */
@SpringBootTest
class SubsidyCheckBenchmarkRun {

    static final int EARLIER = 1_000_000;
    static final int PERSONS = 400_000;
    static final int LINES = 1_000;
    static final int WARM_UP = 3;
    static final int RUNS = 50;
    static final String OCCUPATION = "OCC-07";
    static final int LEVEL = 4;

    @Autowired
    SubsidyChecks checks;

    @Autowired
    YuxunProperties properties;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Test
    void measuresTheChecksOfAThousandLineClaimAgainstAMillionEarlierLines() throws Exception {
        load();
        List<Long> persons = claimPersons();
        long claim = -1;
        CpuMeter cpu = new CpuMeter(properties.dataDir());
        try (Connection floorConnection = system(owner.getConnection())) {
            measure(persons, claim, cpu, floorConnection);
        }
    }

    private void measure(List<Long> persons, long claim, CpuMeter cpu, Connection floorConnection) throws Exception {
        Found found = null;
        for (int i = 0; i < WARM_UP; i++) {
            found = check(persons, claim);
            floor(floorConnection, persons);
        }
        double[] checkMs = new double[RUNS];
        double[] floorMs = new double[RUNS];
        long[] before = cpu.sample();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            check(persons, claim);
            checkMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        long[] afterChecks = cpu.sample();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            floor(floorConnection, persons);
            floorMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        long[] afterFloor = cpu.sample();
        String report = """
                # Subsidy claim checks benchmark

                %,d earlier claim lines (COPY), a claim of %,d learners for one occupation and level: the checks find %d
                already subsidised or claimed for it and %d with a subsidy in the claim's year; %d runs after %d warm-ups.

                | what | median ms | max ms | CPU per claim: JVM µs | CPU per claim: PostgreSQL µs |
                |---|---:|---:|---:|---:|
                | checks (`SubsidyChecks.previousSubsidies` + `subsidiesInYear`, system scope, findings in words) | %.1f | %.1f | %.0f | %.0f |
                | floor: one plain indexed lookup of the same keys as the owner, on one open connection | %.1f | %.1f | %.0f | %.0f |
                """.formatted(EARLIER, LINES, found.previous(), found.thisYear(), RUNS, WARM_UP, median(checkMs), max(checkMs),
                (afterChecks[0] - before[0]) / 1e3 / RUNS, (afterChecks[1] - before[1]) / 1e3 / RUNS,
                median(floorMs), max(floorMs), (afterFloor[0] - afterChecks[0]) / 1e3 / RUNS,
                (afterFloor[1] - afterChecks[1]) / 1e3 / RUNS);
        Path out = Path.of("target", "benchmarks", "subsidy-checks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** What the checks found: persons already subsidised for the occupation and level, persons with a line in 2026. */
    record Found(int previous, int thisYear) {
    }

    private Found check(List<Long> persons, long claim) {
        Map<Long, String> previous = checks.previousSubsidies(persons, OCCUPATION, "基准职业", LEVEL, "33", claim, -1);
        Map<Long, Integer> year = checks.subsidiesInYear(persons, 2026, "33", claim);
        return new Found(previous.size(), year.size());
    }

    private static void floor(Connection c, List<Long> persons) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                     select person_id from subsidy_claim_line
                     where person_id = any(?) and occupation_code = ? and skill_level = ?""")) {
            s.setArray(1, c.createArrayOf("bigint", persons.toArray()));
            s.setString(2, OCCUPATION);
            s.setInt(3, LEVEL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }

    /** 500 persons who hold a line for the occupation and level, 500 who hold none at all. */
    private List<Long> claimPersons() throws Exception {
        List<Long> persons = new ArrayList<>();
        try (Connection c = system(owner.getConnection()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct person_id from subsidy_claim_line where occupation_code = '"
                     + OCCUPATION + "' and skill_level = " + LEVEL + " and enrolment_id < 0 limit " + LINES / 2)) {
            while (rs.next()) {
                persons.add(rs.getLong(1));
            }
        }
        for (long p = 0; persons.size() < LINES; p++) {
            persons.add(50_000_000L + p);
        }
        return persons;
    }

    /**
     * Loads the earlier lines once (a later run reuses them). The claim being checked is new: its id ({@code -1})
     * holds none of them.
     */
    private long load() throws Exception {
        try (Connection c = system(owner.getConnection())) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from subsidy_claim_line where enrolment_id < 0")) {
                rs.next();
                if (rs.getLong(1) >= EARLIER) {
                    return -1;
                }
            }
            long claim;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    with i as (select id, kind, region_code, name from institution
                               where name = '杭州市高级技工学校'),
                         p as (insert into programme (institution_id, institution_kind, region_code, name, type,
                                                      funding_mode, industry_field, delivery_mode, status)
                               select id, kind, region_code, '补贴基准项目', 'JOB_SKILLS', 'SUBSIDISED', 'OTHER',
                                      'ON_CAMPUS', 'RETIRED' from i returning id, institution_id),
                         k as (insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                           subsidised, name, start_date, end_date, capacity, status)
                               select p.id, i.id, i.kind, i.region_code, true, '补贴基准班', date '2025-03-01',
                                      date '2025-03-20', 1000000, 'COMPLETED' from p, i returning id)
                    insert into subsidy_claim (class_id, institution_id, institution_kind, institution_name,
                                               region_code, class_name, programme_id, programme_name, programme_type,
                                               class_start, class_end, status, submit_by)
                    select k.id, i.id, i.kind, i.name, i.region_code, '补贴基准班', p.id, '补贴基准项目', 'JOB_SKILLS',
                           date '2025-03-01', date '2025-03-20', 'PAID', date '2025-06-01' from k, p, i
                    returning id""")) {
                rs.next();
                claim = rs.getLong(1);
            }
            Random random = new Random(6);
            String[] cities = {"330106", "330105", "330212", "330302", "330402", "330502", "330602", "330702"};
            String[] statuses = {"PAID", "PAID", "PAID", "APPROVED", "PENDING", "REJECTED"};
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 100_000;
            for (int from = 0; from < EARLIER; from += chunk) {
                StringBuilder csv = new StringBuilder(chunk * 90);
                for (int i = from; i < from + chunk; i++) {
                    long person = 1 + random.nextInt(PERSONS);
                    String status = statuses[random.nextInt(statuses.length)];
                    csv.append(claim).append(",1,").append(cities[random.nextInt(cities.length)]).append(',')
                            .append(-1 - i).append(',').append(person).append(",基准学员,3301**********0000,")
                            .append("OCC-").append(String.format("%02d", random.nextInt(50))).append(',')
                            .append(1 + random.nextInt(5)).append(',').append(2023 + random.nextInt(4))
                            .append(",COMPLETED,800,true,")
                            .append("REJECTED".equals(status) ? "基准驳回" : "").append(',').append(status)
                            .append('\n');
                }
                copy.copyIn("""
                        copy subsidy_claim_line (claim_id, institution_id, region_code, enrolment_id, person_id,
                                                 learner_name, document_masked, occupation_code, skill_level,
                                                 claim_year, completion, amount, eligible, review_reason, status)
                        from stdin with (format csv)""", new StringReader(csv.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze subsidy_claim_line");
            }
            return claim;
        }
    }

    /** The owner's connection in system scope, in case the owner is not a superuser (tables force RLS). */
    private static Connection system(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('yuxun.scope', 'SYSTEM', false)");
        }
        return c;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

}
