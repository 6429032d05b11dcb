package org.yuxun.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.internal.CertificatePrinting;
import org.yuxun.identity.Accounts;
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

/**
 * Benchmark of bulk issuance with PDF (DESIGN.md quality target: ≥ 100 certificates/s). Not part of
 * {@code ./mvnw verify}: run it with
 * {@code ./mvnw test -Dtest=CertificateIssuanceBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}. A class of
 * {@value #LEARNERS} learners who completed it is issued its certificates through
 * {@link CertificateManagement#issueForClass} (what the bulk job runs), then all PDFs are written as one ZIP as the
 * class's download does, both in the college administrator's data scope; a warm-up class of {@value #WARM_UP} goes
 * first. CPU per certificate (JVM and PostgreSQL) is reported beside the rates. The floor is the same number of plain
 * single-row INSERTs in one transaction. Results go to {@code target/benchmarks/certificate-issuance.md}; no
 * assertion is made on them.
 */
@SpringBootTest
class CertificateIssuanceBenchmarkRun {

    static final int LEARNERS = 1_000;
    static final int WARM_UP = 300;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CertificateManagement certificates;

    @Autowired
    CertificatePrinting printing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Autowired
    YuxunProperties properties;

    @Autowired
    Accounts accounts;

    @Test
    void measuresBulkIssuanceWithPdfAgainstAPlainInsertFloor() throws Exception {
        CpuMeter cpu = new CpuMeter(properties.dataDir());
        long college = DataScope.asSystem(() -> jdbc.sql(
                "select id from institution where name = '浙江育训职业技术学院'").query(Long.class).single());
        long warmUp = completedClass(college, WARM_UP, 0);
        long measured = completedClass(college, LEARNERS, WARM_UP);
        run(warmUp, cpu);
        Result r = run(measured, cpu);
        double floor = plainInserts(LEARNERS);
        String report = """
                # Bulk certificate issuance benchmark

                %d cores; CPU is what the JVM and the PostgreSQL server used per certificate (`CpuMeter`).

                | what | certificates | per second | CPU µs per certificate (JVM + PostgreSQL) |
                |---|---:|---:|---:|
                | issue (`CertificateManagement.issueForClass`: number, insert under RLS, signed credential, audit, event) | %d | %.0f | %s |
                | PDF of each, written as one ZIP (`CertificatePrinting.zip`, rendered on every core) | %d | %.0f | %s |
                | issue + PDF together | %d | %.0f | %s |
                | floor: plain single-row INSERTs in one transaction | %d | %.0f | |
                """.formatted(Runtime.getRuntime().availableProcessors(),
                LEARNERS, LEARNERS / r.issueSeconds(), perCertificate(r.issueCpu()),
                LEARNERS, LEARNERS / r.pdfSeconds(), perCertificate(r.pdfCpu()),
                LEARNERS, LEARNERS / (r.issueSeconds() + r.pdfSeconds()),
                perCertificate(new long[] {r.issueCpu()[0] + r.pdfCpu()[0], r.issueCpu()[1] + r.pdfCpu()[1]}),
                LEARNERS, floor);
        Path out = Path.of("target", "benchmarks", "certificate-issuance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Wall time and CPU nanoseconds {JVM, PostgreSQL} of each phase. */
    record Result(double issueSeconds, double pdfSeconds, long[] issueCpu, long[] pdfCpu) {
    }

    private static String perCertificate(long[] cpu) {
        return "%.0f (%.0f + %.0f)".formatted((cpu[0] + cpu[1]) / 1e3 / LEARNERS, cpu[0] / 1e3 / LEARNERS,
                cpu[1] / 1e3 / LEARNERS);
    }

    /**
     * In the college administrator's scope, as the bulk job runs (in the scope of whoever started it) and as their
     * download of the class's ZIP does.
     */
    private Result run(long classId, CpuMeter cpu) {
        return DataScope.as(accounts.load("college-admin").dataScope(), () -> {
            long[] c0 = cpu.sample();
            long t0 = System.nanoTime();
            certificates.issueForClass(classId, done -> { });
            long t1 = System.nanoTime();
            long[] c1 = cpu.sample();
            List<CertificateView> issued = certificates.ofClass(classId);
            printing.zip(issued, printing.templatesOf(issued), OutputStream.nullOutputStream());
            long t2 = System.nanoTime();
            long[] c2 = cpu.sample();
            return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, new long[] {c1[0] - c0[0], c1[1] - c0[1]},
                    new long[] {c2[0] - c1[0], c2[1] - c1[1]});
        });
    }

    private long completedClass(long college, int learners, int offset) {
        List<RegisterPerson> commands = new ArrayList<>(learners);
        for (int i = offset; i < offset + learners; i++) {
            LocalDate birth = LocalDate.of(1961, 3, 1).plusDays(i / 900);
            String body = "330108" + birth.toString().replace("-", "") + String.format("%03d", i % 900 + 100);
            commands.add(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, body + IdentityNumber.checkCharacter(body),
                    "基准学员", null));
        }
        return DataScope.asSystem(() -> tx.execute(s -> {
            List<PersonRef> people = persons.registerAll(commands,
                    new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER));
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, delivery_mode, completion_award,
                                                   status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'MARKET', 'OTHER',
                                    'ON_CAMPUS', 'TRAINING_CERTIFICATE', 'PUBLISHED') returning id""")
                    .params(college, "证书基准项目" + offset).query(Long.class).single();
            long classId = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity, status,
                                                        completed_at)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, current_date - 10,
                                    current_date - 1, ?, 'COMPLETED', now()) returning id""")
                    .params(programme, college, "证书基准班" + offset, learners).query(Long.class).single();
            Long[] ids = people.stream().map(PersonRef::id).toArray(Long[]::new);
            jdbc.sql("""
                            insert into enrolment (class_id, institution_id, institution_kind, region_code,
                                                   subsidised, person_id, source, status, completed_at)
                            select ?, ?, 'HIGHER_VOCATIONAL', '330106', false, p, 'STAFF', 'COMPLETED', now()
                            from unnest(?::bigint[]) p""")
                    .params(classId, college, ids).update();
            return classId;
        }));
    }

    private double plainInserts(int count) throws Exception {
        try (Connection c = owner.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists bench_certificate_floor (id bigserial primary key,"
                        + " number text, person_id bigint, issued_on date default current_date)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into bench_certificate_floor (number, person_id) values (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, "FLOOR-" + i);
                    insert.setLong(2, i);
                    insert.executeUpdate();
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_certificate_floor");
            }
            return count / seconds;
        }
    }
}
