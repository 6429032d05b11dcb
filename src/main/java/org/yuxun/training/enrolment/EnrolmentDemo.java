package org.yuxun.training.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * The enrolment part of the demo story at 浙江育训职业技术学院: about twenty of the college's learners (the
 * people demo's persons, among them the demo learner) in its class in progress, fifteen in its class completed
 * last month, some of them in priority groups, and a worker of 杭州智造装备有限公司 in a class it commissioned.
 * Classes and persons come from the earlier demo extensions and are looked up here; a part whose data is absent
 * is left out.
 */
@Component
@Order(200)
class EnrolmentDemo implements DemoExtension {

    private static final EnrolmentPriorityGroup[] GROUPS = {EnrolmentPriorityGroup.NONE,
        EnrolmentPriorityGroup.NONE, EnrolmentPriorityGroup.COLLEGE_GRADUATE, EnrolmentPriorityGroup.NONE,
        EnrolmentPriorityGroup.VETERAN, EnrolmentPriorityGroup.MIGRANT_WORKER, EnrolmentPriorityGroup.NONE};

    private final JdbcClient jdbc;
    private final EnrolmentStore store;

    EnrolmentDemo(JdbcClient jdbc, EnrolmentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public void load(DemoContext context) {
        List<Long> persons = jdbc.sql("""
                        select p.id from person p join person_link l on l.person_id = p.id
                        where l.org_id = ? and l.org_kind = 'INSTITUTION' and l.relation = 'LEARNER'
                        order by p.id""")
                .param(context.college()).query(Long.class).list();
        Optional<Long> learner = jdbc.sql("select person_id from app_user where username = 'learner'")
                .query(Long.class).optional().filter(id -> id != null);
        List<Long> ordered = new ArrayList<>();
        learner.ifPresent(ordered::add);
        persons.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        if (!ordered.isEmpty()) {
            int n = ordered.size();
            classOf(context.college(), "IN_PROGRESS").ifPresent(c -> enrol(c, ordered.subList(0, Math.min(20, n))));
            classOf(context.college(), "COMPLETED").ifPresent(c -> enrol(c, ordered.subList(Math.max(0, n - 15), n)));
        }
        commissionedWorker(context);
    }

    private void commissionedWorker(DemoContext context) {
        Optional<Long> commissioned = jdbc.sql("""
                        select id from training_class where institution_id = ? and enterprise_id = ?
                          and status in ('PLANNED', 'ENROLLING', 'IN_PROGRESS')
                        order by id limit 1""")
                .params(context.college(), context.smartManufacturing()).query(Long.class).optional();
        Optional<Long> worker = jdbc.sql("""
                        select person_id from person_link
                        where org_kind = 'ENTERPRISE' and org_id = ? and relation = 'EMPLOYEE'
                        order by person_id limit 1""")
                .param(context.smartManufacturing()).query(Long.class).optional();
        if (commissioned.isPresent() && worker.isPresent()) {
            ClassFacts facts = store.classFacts(commissioned.get()).orElseThrow();
            store.insert(facts, List.of(new EnrolmentStore.NewEnrolment(worker.get(), context.smartManufacturing(),
                    null, "ENTERPRISE", null, "杭州智造装备有限公司")));
        }
    }

    private Optional<Long> classOf(long institution, String status) {
        return jdbc.sql("""
                        select id from training_class where institution_id = ? and status = ?
                          and enterprise_id is null
                        order by start_date desc, id limit 1""")
                .params(institution, status).query(Long.class).optional();
    }

    private void enrol(long trainingClass, List<Long> persons) {
        ClassFacts facts = store.classFacts(trainingClass).orElseThrow();
        List<EnrolmentStore.NewEnrolment> rows = new ArrayList<>();
        for (int i = 0; i < persons.size() && rows.size() < facts.capacity(); i++) {
            EnrolmentPriorityGroup group = GROUPS[i % GROUPS.length];
            rows.add(new EnrolmentStore.NewEnrolment(persons.get(i), null, group.stored(),
                    i % 3 == 0 ? "IMPORT" : "STAFF", null, null));
        }
        store.insert(facts, rows);
    }
}
