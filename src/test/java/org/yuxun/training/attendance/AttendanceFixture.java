package org.yuxun.training.attendance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.shared.DataScope;

/**
 * A class of the demo college with sessions and learners, created with SQL as the schema's contract says, under
 * unique names so tests sharing the database never meet each other's rows.
 */
final class AttendanceFixture {

    final String marker = "考勤" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final JdbcClient jdbc;
    long college;
    long teacher;
    long classId;

    AttendanceFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A class of 浙江育训职业技术学院 whose head teacher is the demo user {@code teacher}. */
    AttendanceFixture createClass() {
        DataScope.asSystem(() -> {
            college = jdbc.sql("select id from institution where name = '浙江育训职业技术学院'")
                    .query(Long.class).single();
            teacher = jdbc.sql("select id from app_user where username = 'teacher'").query(Long.class).single();
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, delivery_mode, status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'SUBSIDISED', 'SMART_MANUFACTURING',
                                    'ON_CAMPUS', 'PUBLISHED') returning id""")
                    .params(college, marker + "项目").query(Long.class).single();
            classId = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity,
                                                        head_teacher_id, status)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, ?, ?, 50, ?, 'IN_PROGRESS')
                            returning id""")
                    .params(programme, college, marker + "班", LocalDate.now().minusDays(10),
                            LocalDate.now().plusDays(10), teacher)
                    .query(Long.class).single();
        });
        return this;
    }

    /** A session of the class starting {@code startsIn} from now (negative: already started). */
    long session(String kind, Duration startsIn, Duration length) {
        Instant start = Instant.now().plus(startsIn);
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours, topic)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(classId, college, Timestamp.from(start), Timestamp.from(start.plus(length)), kind,
                        length.toMinutes() / 60.0, marker + kind)
                .query(Long.class).single());
    }

    /** A learner account with its own person; enrolled in the class when asked. */
    Learner learner(String name, boolean enrolled) {
        return DataScope.asSystem(() -> {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long person = jdbc.sql("""
                            insert into person (name, document_type, document_cipher, document_hash, document_masked)
                            values (?, 'RESIDENT_ID_CARD', decode(md5(?), 'hex'), decode(md5(?), 'hex'),
                                    '3301**********0011') returning id""")
                    .params(name, "c" + suffix, "h" + suffix).query(Long.class).single();
            jdbc.sql("""
                            insert into person_link (person_id, org_kind, org_id, relation, region_code, org_type)
                            values (?, 'INSTITUTION', ?, 'LEARNER', '330106', 'HIGHER_VOCATIONAL')""")
                    .params(person, college).update();
            String username = "att-" + suffix;
            long user = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, person_id, org_kind)
                            values (?, '{noop}x', ?, ?, 'NONE') returning id""")
                    .params(username, name, person).query(Long.class).single();
            jdbc.sql("insert into user_role (user_id, role_code) values (?, 'LEARNER')").params(user).update();
            Long enrolment = enrolled ? enrol(person) : null;
            return new Learner(username, person, enrolment, name);
        });
    }

    long enrol(long person) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, 'STAFF') returning id""")
                .params(classId, college, person).query(Long.class).single());
    }

    record Learner(String username, long personId, Long enrolmentId, String name) {
    }
}
