package org.yuxun.training.enrolment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.people.TestPersons;
import org.yuxun.shared.DataScope;

/**
 * Training data for enrolment tests, written with SQL in system scope (the schema is the contract between the
 * training areas): programmes, classes and sessions with names no other test uses, and identity numbers nobody
 * else in the run has.
 */
final class EnrolmentFixture {

    private static final String GIVEN = "晓明华强伟芳娜静磊洋勇军杰涛超敏燕霞平刚桂英秀兰玉珍丹萍红梅莉鹏辉斌宇浩";

    private final JdbcClient jdbc;

    EnrolmentFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A valid resident identity number nobody else in this run has been given: drawn where the people tests draw
     * theirs, so that the two never give the same number to people of different names.
     */
    static String identityNumber() {
        return TestPersons.identityNumber();
    }

    /** The same number with a wrong check character. */
    static String withWrongCheck(String valid) {
        char check = valid.charAt(17);
        return valid.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    /** A two- or three-character name unlikely to be used by another test. */
    static String name() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "司马" + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
    }

    static String mobile() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    long institution(String name) {
        return DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?").param(name)
                .query(Long.class).single());
    }

    long enterprise(String name) {
        return DataScope.asSystem(() -> jdbc.sql("select id from enterprise where name = ?").param(name)
                .query(Long.class).single());
    }

    long college() {
        return institution("浙江育训职业技术学院");
    }

    long ningboCollege() {
        return institution("宁波海港职业技术学院");
    }

    /** A published, subsidised programme of the institution. */
    long programme(long institution) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                                               industry_field, theory_hours, practice_hours, delivery_mode, status,
                                               published_at)
                        select id, kind, region_code, ?, 'JOB_SKILLS', 'SUBSIDISED', 'SMART_MANUFACTURING', 40, 40, 'ON_CAMPUS',
                               'PUBLISHED', now()
                        from institution where id = ? returning id""")
                .params("测试项目" + unique(), institution).query(Long.class).single());
    }

    /** A class of the programme with the given capacity and status, optionally commissioned by an enterprise. */
    long trainingClass(long programme, int capacity, String status, Long enterprise) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity, status,
                                                    enterprise_id)
                        select p.id, p.institution_id, p.institution_kind, p.region_code,
                               p.funding_mode = 'SUBSIDISED', ?, current_date, current_date + 30, ?, ?, ?
                        from programme p where p.id = ? returning id""")
                .params("测试班" + unique(), capacity, status, enterprise, programme).query(Long.class).single());
    }

    long trainingClass(long programme, int capacity) {
        return trainingClass(programme, capacity, "ENROLLING", null);
    }

    /** A theory session of the class, starting at the given time, two hours long. */
    void session(long trainingClass, Instant start) {
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                        select id, institution_id, ?, ?, 'THEORY', 2 from training_class where id = ?""")
                .params(OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(start.plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC),
                        trainingClass)
                .update());
    }

    long count(long trainingClass, String status) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from enrolment where class_id = ? and status = ?")
                .params(trainingClass, status).query(Long.class).single());
    }

    /** Waits for a background job to finish and returns its state. */
    String awaitJob(long job) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String state = DataScope.asSystem(() -> jdbc.sql("select state from job where id = ?").param(job)
                    .query(String.class).single());
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Job " + job + " did not finish");
    }

    String jobError(long job) {
        return DataScope.asSystem(() -> jdbc.sql("select error from job where id = ?").param(job)
                .query(String.class).single());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
