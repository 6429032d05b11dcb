package org.yuxun.training.enrolment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yuxun.shared.DataScope;

/**
 * The enrolment tables. Every query runs in the caller's data scope except the cross-class checks, which return
 * only their finding.
 */
@Repository
class EnrolmentStore {

    /** Statuses that hold a place in the class (the partial unique index {@code enrolment_active_idx}). */
    static final String ACTIVE = "('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')";

    /** One row to insert. */
    record NewEnrolment(long personId, Long enterpriseId, String priorityGroup, String source, String importKey,
                        String employer) {
    }

    /** One enrolment as the roster shows it. */
    record RosterRow(long id, long personId, String name, String documentMasked, String phoneMasked,
                     String priorityGroup, String source, String status, String statusReason,
                     String enterpriseName, Instant createdAt, int version) {

        public String priorityGroupLabel() {
            return org.yuxun.training.EnrolmentPriorityGroup.ofStored(priorityGroup).label();
        }
    }

    /** The state of one enrolment that withdrawal and transfer act on. */
    record EnrolmentRow(long id, long classId, long personId, Long enterpriseId, String priorityGroup,
                        String status, int version) {
    }

    private static final String CLASS_FACTS = """
            select c.id, c.programme_id, c.name, c.institution_id, c.institution_kind, c.region_code, c.subsidised,
                   c.enterprise_id, c.capacity, c.status, p.status as programme_status
            from training_class c join programme p on p.id = c.programme_id
            where c.id = ?""";

    private final JdbcClient jdbc;

    EnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The class, if the caller's scope reaches it as staff, teacher, enterprise or authority. A class open for
     * enrolment is also readable by everyone through its public policy; a row lock needs the update policy as
     * well, so the weakest one ({@code for key share}) leaves out classes the caller can only see publicly.
     */
    Optional<ClassFacts> classFacts(long classId) {
        return jdbc.sql(CLASS_FACTS + " for key share of c").param(classId).query(ClassFacts.class).optional();
    }

    /** Locks the class row, so concurrent enrolments count the places left one after the other. */
    Optional<ClassFacts> lockClass(long classId) {
        return jdbc.sql(CLASS_FACTS + " for update of c").param(classId).query(ClassFacts.class).optional();
    }

    /** Places taken: every enrolment that holds a place, whoever may see it. */
    long taken(long classId) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from enrolment where class_id = ? and status in "
                + ACTIVE).param(classId).query(Long.class).single());
    }

    /**
     * Inserts the enrolments that are not there yet: a person already holding a place in the class, or an import
     * row already imported, is skipped by {@code on conflict do nothing}.
     *
     * @return the ids of the persons newly enrolled
     */
    Set<Long> insert(ClassFacts facts, List<NewEnrolment> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        int n = rows.size();
        Long[] persons = new Long[n];
        Long[] enterprises = new Long[n];
        String[] groups = new String[n];
        String[] sources = new String[n];
        String[] keys = new String[n];
        String[] employers = new String[n];
        for (int i = 0; i < n; i++) {
            NewEnrolment row = rows.get(i);
            persons[i] = row.personId();
            enterprises[i] = row.enterpriseId();
            groups[i] = row.priorityGroup();
            sources[i] = row.source();
            keys[i] = row.importKey();
            employers[i] = row.employer();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               class_enterprise_id, person_id, enterprise_id, priority_group, source,
                                               import_key, employer)
                        select ?, ?, ?, ?, ?, ?, r.person_id, r.enterprise_id, r.priority_group, r.source,
                               r.import_key, r.employer
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                                 as r(person_id, enterprise_id, priority_group, source, import_key, employer)
                        on conflict do nothing
                        returning person_id""")
                .params(facts.id(), facts.institutionId(), facts.institutionKind(), facts.regionCode(),
                        facts.subsidised(), facts.enterpriseId(), persons, enterprises, groups, sources, keys,
                        employers)
                .query(Long.class).list());
    }

    /** Whether the class has any session scheduled. */
    boolean hasSessions(long classId) {
        return jdbc.sql("select exists (select 1 from class_session where class_id = ?)").param(classId)
                .query(Boolean.class).single();
    }

    /** What the public enrolment page shows of a class. */
    record PublicClass(long id, long programmeId, String name, String programmeName, String institutionName,
                       java.time.LocalDate startDate, java.time.LocalDate endDate, int capacity, long taken) {

        public long placesLeft() {
            return Math.max(0, capacity - taken);
        }
    }

    /** A class of a published programme that is enrolling. */
    Optional<PublicClass> publicClass(long classId) {
        return jdbc.sql("""
                        select c.id, c.programme_id, c.name, p.name as programme_name, i.name as institution_name,
                               c.start_date, c.end_date, c.capacity,
                               (select count(*) from enrolment e
                                where e.class_id = c.id and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED'))
                                   as taken
                        from training_class c
                        join programme p on p.id = c.programme_id
                        join institution i on i.id = c.institution_id
                        where c.id = ? and c.status = 'ENROLLING' and p.status = 'PUBLISHED'""")
                .param(classId).query(PublicClass.class).optional();
    }

    /** The enrolment id of a person holding a place in the class. */
    Optional<Long> activeEnrolment(long classId, long personId) {
        return jdbc.sql("select id from enrolment where class_id = ? and person_id = ? and status in " + ACTIVE)
                .params(classId, personId).query(Long.class).optional();
    }

    /**
     * Of these persons, those who already hold a place in the class (checked across scope: only the finding).
     *
     * <p>The persons are joined from the array and found by {@code enrolment_person_idx}: a person has a few
     * enrolments, a class may have a hundred thousand. Written as a filter, {@code person_id = any(?)} is hashed
     * only while the array is a constant; once the prepared statement runs on a generic plan, every enrolment of
     * the class is compared with every element (10 s for a class of 100,000 and 5,000 persons). {@code
     * class_id + 0} keeps the planner off the class indexes, whose statistics lag while an import fills the class.
     */
    Set<Long> alreadyEnrolled(long classId, List<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(DataScope.asSystem(() -> jdbc.sql("""
                        select e.person_id from unnest(?::bigint[]) as p(id)
                        join enrolment e on e.person_id = p.id
                        where e.class_id + 0 = ? and e.status in""" + ACTIVE)
                .params(personIds.toArray(Long[]::new), classId).query(Long.class).list()));
    }

    /**
     * Of these persons, those enrolled in another class with a session at the same time as a session of this one:
     * a learner cannot be in two classrooms at once. Runs across institutions and returns only who clashes.
     */
    Set<Long> overlapping(long classId, List<Long> personIds) {
        return overlapping(classId, personIds, classId);
    }

    /** {@link #overlapping(long, List)} ignoring the class the learner is leaving (a transfer). */
    Set<Long> overlapping(long classId, List<Long> personIds, long leaving) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(DataScope.asSystem(() -> jdbc.sql("""
                        select distinct e.person_id
                        from enrolment e
                        join class_session other on other.class_id = e.class_id
                        join class_session mine on mine.class_id = ?
                             and tstzrange(mine.starts_at, mine.ends_at) && tstzrange(other.starts_at, other.ends_at)
                        where e.person_id = any(?::bigint[]) and e.class_id <> ? and e.class_id <> ?
                          and e.status = 'ENROLLED'""")
                .params(classId, personIds.toArray(Long[]::new), classId, leaving).query(Long.class).list()));
    }

    Optional<EnrolmentRow> enrolment(long classId, long enrolmentId) {
        return jdbc.sql("""
                        select id, class_id, person_id, enterprise_id, priority_group, status, version
                        from enrolment where id = ? and class_id = ?""")
                .params(enrolmentId, classId).query(EnrolmentRow.class).optional();
    }

    /** @return whether the row was still at that version and enrolled */
    boolean withdraw(long enrolmentId, int version, String reason) {
        return jdbc.sql("""
                        update enrolment set status = 'WITHDRAWN', status_reason = ?, version = version + 1,
                                             updated_at = now()
                        where id = ? and version = ? and status = 'ENROLLED'""")
                .params(reason, enrolmentId, version).update() == 1;
    }

    /** @return whether the row was still at that version and enrolled */
    boolean markTransferred(long enrolmentId, int version, String reason, long to) {
        return jdbc.sql("""
                        update enrolment set status = 'TRANSFERRED', status_reason = ?, transferred_to = ?,
                                             version = version + 1, updated_at = now()
                        where id = ? and version = ? and status = 'ENROLLED'""")
                .params(reason, to, enrolmentId, version).update() == 1;
    }

    long insertOne(ClassFacts facts, NewEnrolment row) {
        return jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               class_enterprise_id, person_id, enterprise_id, priority_group, source,
                                               import_key, employer)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(facts.id(), facts.institutionId(), facts.institutionKind(), facts.regionCode(),
                        facts.subsidised(), facts.enterpriseId(), row.personId(), row.enterpriseId(),
                        row.priorityGroup(), row.source(), row.importKey(), row.employer())
                .query(Long.class).single();
    }

    void addEvidence(long enrolmentId, String fileName, String contentType, long size, String storageKey) {
        jdbc.sql("""
                        insert into enrolment_evidence (enrolment_id, file_name, content_type, size_bytes, storage_key)
                        values (?, ?, ?, ?, ?)""")
                .params(enrolmentId, fileName, contentType, size, storageKey).update();
    }

    /** The roster: enrolments of the class the caller may see, filtered by a part of the name. */
    List<RosterRow> roster(long classId, String name, String status, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = rosterWhere(classId, name, status, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                        select e.id, e.person_id, p.name, p.document_masked, p.phone_masked, e.priority_group,
                               e.source, e.status, e.status_reason, en.name as enterprise_name, e.created_at,
                               e.version
                        from enrolment e
                        left join person p on p.id = e.person_id
                        left join enterprise en on en.id = e.enterprise_id""" + where
                        + " order by e.created_at, e.id limit ? offset ?")
                .params(params)
                .query((rs, i) -> new RosterRow(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
                        rs.getString("document_masked"), rs.getString("phone_masked"),
                        rs.getString("priority_group"), rs.getString("source"), rs.getString("status"),
                        rs.getString("status_reason"), rs.getString("enterprise_name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version")))
                .list();
    }

    long rosterCount(long classId, String name, String status) {
        List<Object> params = new ArrayList<>();
        String where = rosterWhere(classId, name, status, params);
        return jdbc.sql("select count(*) from enrolment e left join person p on p.id = e.person_id" + where)
                .params(params).query(Long.class).single();
    }

    /** A learner holding a place in a class, as the list of issued accounts names them. */
    record PlacedLearner(long personId, String name, String documentMasked) {
    }

    /** The learners holding a place in the class, in roster order. */
    List<PlacedLearner> placedLearners(long classId) {
        return jdbc.sql("""
                        select e.person_id, p.name, p.document_masked
                        from enrolment e join person p on p.id = e.person_id
                        where e.class_id = ? and e.status in""" + ACTIVE + " order by e.created_at, e.id")
                .param(classId)
                .query(PlacedLearner.class)
                .list();
    }

    /** The persons holding a place in the class. */
    List<Long> placedPersons(long classId) {
        return jdbc.sql("select distinct person_id from enrolment where class_id = ? and status in " + ACTIVE)
                .param(classId)
                .query(Long.class)
                .list();
    }

    private static String rosterWhere(long classId, String name, String status, List<Object> params) {
        StringBuilder where = new StringBuilder(" where e.class_id = ?");
        params.add(classId);
        if (name != null && !name.isBlank()) {
            where.append(" and p.name like ?");
            params.add("%" + name.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (status != null && !status.isBlank()) {
            where.append(" and e.status = ?");
            params.add(status);
        }
        return where.toString();
    }

    /** A class commissioned by an enterprise, as its HR sees it. */
    record CommissionedClass(long id, String name, long institutionId, java.time.LocalDate startDate,
                             java.time.LocalDate endDate, String status, int capacity, long workers) {
    }

    /** The classes the enterprise commissioned, newest first. */
    List<CommissionedClass> commissionedClasses(long enterpriseId) {
        return jdbc.sql("""
                        select c.id, c.name, c.institution_id, c.start_date, c.end_date, c.status, c.capacity,
                               (select count(*) from enrolment e where e.class_id = c.id and e.status = 'ENROLLED')
                                   as workers
                        from training_class c
                        where c.enterprise_id = ?
                        order by c.start_date desc, c.id desc""")
                .param(enterpriseId).query(CommissionedClass.class).list();
    }

    /** Other open classes of the same institution a learner can be transferred to. */
    List<Map<String, Object>> transferTargets(long classId) {
        return jdbc.sql("""
                        select c.id, c.name from training_class c
                        where c.institution_id = (select institution_id from training_class where id = ?)
                          and c.id <> ? and c.status in ('PLANNED', 'ENROLLING', 'IN_PROGRESS')
                        order by c.start_date desc, c.id limit 200""")
                .params(classId, classId).query().listOfRows();
    }
}
