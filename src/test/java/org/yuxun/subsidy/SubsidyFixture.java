package org.yuxun.subsidy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.people.TestPersons;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;

/**
 * Classes of the demo college written straight into the training tables, each with its own programme and learners
 * registered through the people register, in system scope: a completed subsidised class (for claims) and an
 * apprenticeship class commissioned by the demo enterprise 杭州智造装备有限公司 (for apprenticeship filings).
 */
final class SubsidyFixture {

    /** A class and its current enrolments. */
    record TestClass(long classId, String className, String programmeName, LocalDate start, LocalDate end,
                     List<Long> enrolments) {
    }

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long college;
    final long enterprise;
    private final JdbcClient jdbc;
    private final PersonRegistry persons;

    SubsidyFixture(JdbcClient jdbc, PersonRegistry persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.college = id("select id from institution where name = '浙江育训职业技术学院'");
        this.enterprise = id("select id from enterprise where name = '杭州智造装备有限公司'");
    }

    /** A subsidised job-skills class of the college (under the demo Hangzhou policy) completed yesterday. */
    TestClass completedSubsidisedClass(int learners) {
        return DataScope.asSystem(() -> {
            String programmeName = "补贴测试项目" + tag;
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, delivery_mode, occupation_code,
                                                   occupation_name, skill_level, completion_award, status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'SUBSIDISED', 'OTHER',
                                    'ON_CAMPUS', '4-07-99-00', '补贴测试工种' || ?, 5, 'TRAINING_CERTIFICATE',
                                    'PUBLISHED')
                            returning id""")
                    .params(college, programmeName, tag).query(Long.class).single();
            LocalDate start = LocalDate.now().minusDays(20);
            LocalDate end = LocalDate.now().minusDays(1);
            String className = "补贴测试班" + tag;
            long trainingClass = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity, status,
                                                        completed_at)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, ?, ?, 100, 'COMPLETED', ?)
                            returning id""")
                    .params(programme, college, className, start, end,
                            Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                    .query(Long.class).single();
            List<Long> enrolments = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                long person = register(new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college),
                        Relation.LEARNER));
                enrolments.add(jdbc.sql("""
                                insert into enrolment (class_id, institution_id, institution_kind, region_code,
                                                       subsidised, person_id, source, status, completed_at)
                                values (?, ?, 'HIGHER_VOCATIONAL', '330106', true, ?, 'STAFF', 'COMPLETED', now())
                                returning id""")
                        .params(trainingClass, college, person).query(Long.class).single());
            }
            return new TestClass(trainingClass, className, programmeName, start, end, enrolments);
        });
    }

    /**
     * A one-year 企业新型学徒制 class of the college commissioned by the demo enterprise, started on the first day of
     * the month six months ago, still in progress, with employees of the enterprise enrolled.
     */
    TestClass apprenticeshipClass(int apprentices) {
        return DataScope.asSystem(() -> {
            String programmeName = "学徒制测试项目" + tag;
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, occupation_code, occupation_name,
                                                   skill_level, theory_hours, practice_hours, delivery_mode,
                                                   completion_award, status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'ENTERPRISE_APPRENTICESHIP', 'COMMISSIONED',
                                    'SMART_MANUFACTURING', '6-18-01-01', '车工', 4, 200, 600, 'TO_ENTERPRISE',
                                    'TRAINING_CERTIFICATE', 'APPROVED')
                            returning id""")
                    .params(college, programmeName).query(Long.class).single();
            jdbc.sql("insert into programme_partner (programme_id, enterprise_id, institution_id) values (?, ?, ?)")
                    .params(programme, enterprise, college).update();
            LocalDate start = LocalDate.now().minusMonths(6).withDayOfMonth(1);
            LocalDate end = start.plusYears(1).minusDays(1);
            String className = "学徒制测试班" + tag;
            long trainingClass = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity,
                                                        enterprise_id, status)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, ?, ?, 30, ?, 'IN_PROGRESS')
                            returning id""")
                    .params(programme, college, className, start, end, enterprise).query(Long.class).single();
            List<Long> enrolments = new ArrayList<>();
            for (int i = 0; i < apprentices; i++) {
                long person = register(new OrgRelation(new OrgRef(OrgRef.Kind.ENTERPRISE, enterprise),
                        Relation.EMPLOYEE));
                enrolments.add(jdbc.sql("""
                                insert into enrolment (class_id, institution_id, institution_kind, region_code,
                                                       subsidised, person_id, enterprise_id, class_enterprise_id,
                                                       source)
                                values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, ?, ?, 'ENTERPRISE')
                                returning id""")
                        .params(trainingClass, college, person, enterprise, enterprise).query(Long.class).single());
            }
            return new TestClass(trainingClass, className, programmeName, start, end, enrolments);
        });
    }

    private long register(OrgRelation relation) {
        return persons.register(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, TestPersons.identityNumber(),
                TestPersons.name(), null), relation).id();
    }

    long id(String sql, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    <T> T value(String sql, Class<T> type, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(type).single());
    }

    void update(String sql, Object... params) {
        DataScope.asSystem(() -> jdbc.sql(sql).params(params).update());
    }
}
