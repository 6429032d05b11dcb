package org.yuxun.training.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.shared.DataScope;

/**
 * Programmes, classes, sessions, learners, enrolments and check-ins written straight into the training tables (the
 * schema is the contract between the parts of training), in system scope, each with a unique name.
 */
final class TrainingFixture {

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long college;
    private final JdbcClient jdbc;
    private int people;

    TrainingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.college = institution("浙江育训职业技术学院");
    }

    long institution(String name) {
        return DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?").params(name)
                .query(Long.class).single());
    }

    long userId(String username) {
        return DataScope.asSystem(() -> jdbc.sql("select id from app_user where username = ?").params(username)
                .query(Long.class).single());
    }

    long programme(String theoryWeight, String passMark, String threshold) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                                               industry_field, delivery_mode, theory_weight, pass_mark,
                                               attendance_threshold, completion_award, status)
                        values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'SUBSIDISED', '智能制造',
                                'ON_CAMPUS', ?, ?, ?, 'TRAINING_CERTIFICATE', 'PUBLISHED')
                        returning id""")
                .params(college, "测试项目" + tag, new BigDecimal(theoryWeight), new BigDecimal(passMark),
                        new BigDecimal(threshold))
                .query(Long.class).single());
    }

    long trainingClass(long programme, Long headTeacher) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity,
                                                    head_teacher_id, status)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, current_date - 30, current_date + 5, 50,
                                ?, 'IN_PROGRESS')
                        returning id""")
                .params(programme, college, "测试班" + tag + "-" + (++people), headTeacher)
                .query(Long.class).single());
    }

    /** A class of last month, still marked in progress, as the catalogue part of the demo leaves it. */
    long classOfLastMonth(long programme) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity, status)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, current_date - 40, current_date - 32, 50,
                                'IN_PROGRESS')
                        returning id""")
                .params(programme, college, "上月班" + tag)
                .query(Long.class).single());
    }

    long session(long trainingClass, Instant startsAt, String kind, String hours) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(trainingClass, college, Timestamp.from(startsAt),
                        Timestamp.from(startsAt.plusSeconds(2 * 3600)), kind, new BigDecimal(hours))
                .query(Long.class).single());
    }

    /** A person known to the college, named uniquely. */
    long person(String name) {
        String unique = name + tag.substring(0, 4);
        return DataScope.asSystem(() -> {
            long id = jdbc.sql("""
                            insert into person (name, document_type, document_cipher, document_hash, document_masked)
                            values (?, 'RESIDENT_ID_CARD', decode(md5(random()::text), 'hex'),
                                    decode(md5(random()::text || clock_timestamp()::text), 'hex'), '3301**********123X')
                            returning id""")
                    .params(unique).query(Long.class).single();
            jdbc.sql("""
                            insert into person_link (person_id, org_kind, org_id, relation, region_code, org_type)
                            values (?, 'INSTITUTION', ?, 'LEARNER', '330106', 'HIGHER_VOCATIONAL')""")
                    .params(id, college).update();
            return id;
        });
    }

    String personName(long person) {
        return DataScope.asSystem(() -> jdbc.sql("select name from person where id = ?").params(person)
                .query(String.class).single());
    }

    long enrol(long trainingClass, long person) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, 'STAFF') returning id""")
                .params(trainingClass, college, person)
                .query(Long.class).single());
    }

    void checkIn(long session, long enrolment, long person) {
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, method,
                                              token_id, device_fingerprint, ip)
                        values (?, ?, ?, ?, 'IN', 'QR', ?, 'test-device', '127.0.0.1')""")
                .params(session, enrolment, college, person, UUID.randomUUID().toString())
                .update());
    }

    /** A learner account linked to the person, signed in as a learner. */
    String learnerAccount(long person) {
        String username = "learner-" + tag + "-" + person;
        DataScope.asSystem(() -> {
            long id = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, person_id, org_kind)
                            values (?, 'x', '学员', ?, 'NONE') returning id""")
                    .params(username, person).query(Long.class).single();
            jdbc.sql("insert into user_role (user_id, role_code) values (?, 'LEARNER')").params(id).update();
        });
        return username;
    }

    <T> T system(java.util.function.Supplier<T> work) {
        return DataScope.asSystem(work);
    }
}
