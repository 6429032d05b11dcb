package org.yuxun.certification;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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
 * Completed classes of the demo college written straight into the training tables (the schema is the contract
 * between training and certificates), with learners registered through the people register, each with a unique
 * name, in system scope.
 */
final class CertificationFixture {

    /** A completed class and its learners, all of whom completed it. */
    record CompletedClass(long classId, long programmeId, List<Long> enrolments, List<Long> persons,
                          List<String> names, List<String> documents) {
    }

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long college;
    private final JdbcClient jdbc;
    private final PersonRegistry persons;

    CertificationFixture(JdbcClient jdbc, PersonRegistry persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.college = institution("浙江育训职业技术学院");
    }

    long institution(String name) {
        return DataScope.asSystem(() -> jdbc.sql("select id from institution where name = ?").param(name)
                .query(Long.class).single());
    }

    /** A class of the college completed yesterday, whose programme awards a training certificate. */
    CompletedClass trainingClass(int learners) {
        return completed("TRAINING_CERTIFICATE", null, null, learners, List.of());
    }

    /** A class whose programme awards a skill-level certificate of level 4 through the province's evaluator. */
    CompletedClass skillLevelClass(int learners) {
        return completed("SKILL_LEVEL_CERTIFICATE", 4, institution("浙江省职业技能评价中心"), learners, List.of());
    }

    /** A class with learners of the given names. */
    CompletedClass trainingClassOf(List<String> names) {
        return completed("TRAINING_CERTIFICATE", null, null, names.size(), names);
    }

    private CompletedClass completed(String award, Integer level, Long evaluator, int learners,
                                     List<String> givenNames) {
        return DataScope.asSystem(() -> {
            long programme = jdbc.sql("""
                            insert into programme (institution_id, institution_kind, region_code, name, type,
                                                   funding_mode, industry_field, delivery_mode, occupation_name,
                                                   completion_award, award_level, evaluator_id, status)
                            values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'MARKET', 'OTHER',
                                    'ON_CAMPUS', '工业机器人系统运维员', ?, ?, ?, 'PUBLISHED')
                            returning id""")
                    .params(college, "证书测试项目" + tag + "-" + UUID.randomUUID().toString().substring(0, 4), award,
                            level, evaluator)
                    .query(Long.class).single();
            Instant completedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            long trainingClass = jdbc.sql("""
                            insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                        subsidised, name, start_date, end_date, capacity, status,
                                                        completed_at)
                            values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, current_date - 20,
                                    current_date - 1, 500, 'COMPLETED', ?)
                            returning id""")
                    .params(programme, college, "证书测试班" + tag + "-" + programme, Timestamp.from(completedAt))
                    .query(Long.class).single();
            jdbc.sql("""
                            insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                            values (?, ?, ?, ?, 'THEORY', 16)""")
                    .params(trainingClass, college, Timestamp.from(completedAt.minus(3, ChronoUnit.DAYS)),
                            Timestamp.from(completedAt.minus(3, ChronoUnit.DAYS).plusSeconds(7200)))
                    .update();
            List<Long> enrolments = new ArrayList<>();
            List<Long> people = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                String name = i < givenNames.size() ? givenNames.get(i) : TestPersons.name();
                String document = TestPersons.identityNumber();
                long person = persons.register(new RegisterPerson(DocumentType.RESIDENT_ID_CARD, document, name,
                                null),
                        new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, college), Relation.LEARNER)).id();
                enrolments.add(jdbc.sql("""
                                insert into enrolment (class_id, institution_id, institution_kind, region_code,
                                                       subsidised, person_id, source, status, completed_at)
                                values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, 'STAFF', 'COMPLETED', ?)
                                returning id""")
                        .params(trainingClass, college, person, Timestamp.from(completedAt))
                        .query(Long.class).single());
                people.add(person);
                names.add(name);
                documents.add(document);
            }
            return new CompletedClass(trainingClass, programme, enrolments, people, names, documents);
        });
    }

    long count(String sql, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(Long.class).single());
    }
}
