package org.yuxun.training.enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.LearnerAccounts;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.database.ScopedDataSource;
import org.yuxun.training.EnrolmentManagement;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * Enrolment of learners in classes by staff, enterprise HR and learners themselves, withdrawal and transfer. The
 * class facts the row-level security policies read (institution, its kind and region, whether subsidised, the
 * commissioning enterprise) are copied from the class onto every enrolment here and nowhere else.
 */
@Service
class Enrolments implements EnrolmentManagement {

    private final EnrolmentStore store;
    private final Learners learners;
    private final LearnerAccounts accounts;
    private final AuditLog audit;

    Enrolments(EnrolmentStore store, Learners learners, LearnerAccounts accounts, AuditLog audit) {
        this.store = store;
        this.learners = learners;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** What the audit trail keeps of an enrolment: no personal data beyond the person's id. */
    record Snapshot(long classId, long personId, String source, String status, String priorityGroup,
                    String reason) {
    }

    ClassFacts facts(long classId) {
        return store.classFacts(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
    }

    /**
     * A class open to public enrolment: its programme published and the class enrolling. Read in system scope,
     * because the public page shows exactly these facts to everyone.
     */
    EnrolmentStore.PublicClass publicClass(long programmeId, long classId) {
        return DataScope.asSystem(() -> store.publicClass(classId))
                .filter(c -> c.programmeId() == programmeId)
                .orElseThrow(() -> new NotFound("TrainingClass", classId));
    }

    Page<EnrolmentStore.RosterRow> roster(long classId, String name, String status, int page, int size) {
        facts(classId);
        return new Page<>(store.roster(classId, name, status, size, (long) page * size), page, size,
                store.rosterCount(classId, name, status));
    }

    List<java.util.Map<String, Object>> transferTargets(long classId) {
        return store.transferTargets(classId);
    }

    @Override
    @Transactional
    public long enrol(long classId, EnrolPerson person) {
        ClassFacts facts = lockOpenClass(classId);
        long personId = learners.asLearnersOf(facts.institutionId(), List.of(details(person))).getFirst();
        return place(facts, personId, null, group(person.priorityGroup()), Source.STAFF);
    }

    @Override
    @Transactional
    public long enrolPerson(long classId, long personId, EnrolmentPriorityGroup priorityGroup, Source source) {
        return place(lockOpenClass(classId), personId, null, group(priorityGroup), source);
    }

    /**
     * Enterprise HR enrols one of its workers in a class its enterprise commissioned (企业委托培训): the worker is
     * linked to the enterprise as its employee and to the institution as its learner, and the enrolment names the
     * enterprise. The institution's link is written in system scope, because an enterprise may not write the
     * institution's records, yet enrolling in the institution's class is what makes the person its learner.
     */
    @Transactional
    long enrolWorker(long classId, EnrolPerson person) {
        ClassFacts facts = lockOpenClass(classId);
        Long enterprise = ScopedDataSource.currentScope().organisationId();
        if (facts.enterpriseId() == null || !facts.enterpriseId().equals(enterprise)) {
            throw new NotFound("TrainingClass", classId);
        }
        Learners.Details details = details(person);
        long personId = learners.asEmployeesOf(enterprise, List.of(details)).getFirst();
        DataScope.asSystem(() -> learners.asLearnersOf(facts.institutionId(), List.of(details)));
        return place(facts, personId, enterprise, group(person.priorityGroup()), Source.ENTERPRISE);
    }

    /** The outcome of a public enrolment: the account opened with it, or none when the learner had one. */
    record PublicEnrolment(long enrolmentId, Optional<String> username) {
    }

    /**
     * A learner enrols from the public programme page (自主报名) and, unless they already have a learner account,
     * gets one with the password they chose, so they can sign in to check in. Nobody need be signed in, so the
     * registration and the enrolment run in system scope (registering by identity number is one of the
     * cross-scope actions DESIGN.md allows); the class must be open for enrolment and its programme published.
     * A refused password leaves nothing saved.
     */
    @Transactional
    PublicEnrolment enrolFromPublicPage(long programmeId, long classId, EnrolPerson person,
                                        List<EvidenceFiles.Stored> evidence, String password, String confirmPassword) {
        return DataScope.asSystem(() -> {
            ClassFacts facts = store.lockClass(classId)
                    .filter(f -> f.programmeId() == programmeId && f.programmeStatus().equals("PUBLISHED"))
                    .orElseThrow(() -> new NotFound("TrainingClass", classId));
            if (!facts.status().equals("ENROLLING")) {
                throw new InvalidInput(null, "enrolment.class.notEnrolling", "该培训班当前不接受报名");
            }
            long personId = learners.asLearnersOf(facts.institutionId(), List.of(details(person))).getFirst();
            long id = place(facts, personId, null, group(person.priorityGroup()), Source.PUBLIC);
            evidence.forEach(e -> store.addEvidence(id, e.fileName(), e.contentType(), e.size(), e.storageKey()));
            return new PublicEnrolment(id, accounts.open(personId, person.name(), password, confirmPassword));
        });
    }

    /**
     * Gives every learner holding a place in the class who has no learner account one, with a random initial
     * password to hand over (see {@link LearnerAccounts#issue}). The class must be within the caller's scope; the
     * accounts and their audit entries are written together, and nobody's existing account is touched.
     *
     * @return who got an account, with their masked document number, in roster order
     */
    @Transactional
    List<IssuedAccount> issueAccounts(long classId) {
        facts(classId);
        List<EnrolmentStore.PlacedLearner> placed = store.placedLearners(classId);
        Map<Long, EnrolmentStore.PlacedLearner> byPerson = new LinkedHashMap<>();
        placed.forEach(p -> byPerson.putIfAbsent(p.personId(), p));
        List<LearnerAccounts.Issued> issued = accounts.issue(byPerson.values().stream()
                .map(p -> new LearnerAccounts.Learner(p.personId(), p.name())).toList());
        if (!issued.isEmpty()) {
            audit.record("ISSUE_ACCOUNTS", "TrainingClass", classId, "发放学员账号：" + issued.size() + " 人", null,
                    issued.stream().map(i -> Map.of("personId", i.personId(), "username", i.username())).toList());
        }
        return issued.stream().map(i -> new IssuedAccount(i.name(), byPerson.get(i.personId()).documentMasked(),
                i.username(), i.initialPassword())).toList();
    }

    /** One account in the list handed to staff; the password is never stored in clear. */
    record IssuedAccount(String name, String documentMasked, String username, String initialPassword) {

        @Override
        public String toString() {
            return "IssuedAccount[" + username + "]";
        }
    }

    /** How many learners holding a place in the class have no learner account yet. */
    long withoutAccount(long classId) {
        List<Long> persons = store.placedPersons(classId);
        return persons.size() - accounts.withAccount(persons).size();
    }

    @Override
    @Transactional
    public void withdraw(long classId, long enrolmentId, int version, String reason) {
        String why = reason(reason);
        EnrolmentStore.EnrolmentRow row = store.enrolment(classId, enrolmentId)
                .orElseThrow(() -> new NotFound("Enrolment", enrolmentId));
        if (!row.status().equals("ENROLLED")) {
            throw new InvalidInput(null, "enrolment.notEnrolled", "只有在读学员可以退班或转班");
        }
        if (!store.withdraw(enrolmentId, version, why)) {
            throw new OptimisticLockingFailureException("Enrolment " + enrolmentId + " changed");
        }
        audit.record("WITHDRAW", "Enrolment", enrolmentId, "退班",
                snapshot(row, row.status(), null), snapshot(row, "WITHDRAWN", why));
    }

    @Override
    @Transactional
    public long transfer(long classId, long enrolmentId, int version, long targetClassId, String reason) {
        String why = reason(reason);
        EnrolmentStore.EnrolmentRow row = store.enrolment(classId, enrolmentId)
                .orElseThrow(() -> new NotFound("Enrolment", enrolmentId));
        if (!row.status().equals("ENROLLED")) {
            throw new InvalidInput(null, "enrolment.notEnrolled", "只有在读学员可以退班或转班");
        }
        if (targetClassId == classId) {
            throw new InvalidInput("targetClassId", "enrolment.transfer.sameClass", "请选择另一个培训班");
        }
        ClassFacts source = facts(classId);
        ClassFacts target = store.lockClass(targetClassId)
                .filter(t -> t.institutionId() == source.institutionId())
                .orElseThrow(() -> new InvalidInput("targetClassId", "enrolment.transfer.otherInstitution",
                        "只能转入本单位的其他培训班"));
        checkPlace(target, row.personId(), "targetClassId", classId);
        long newId = store.insertOne(target, new EnrolmentStore.NewEnrolment(row.personId(), row.enterpriseId(),
                row.priorityGroup(), Source.TRANSFER.name(), null, null));
        if (!store.markTransferred(enrolmentId, version, why, newId)) {
            throw new OptimisticLockingFailureException("Enrolment " + enrolmentId + " changed");
        }
        audit.record("TRANSFER", "Enrolment", enrolmentId, "转班",
                snapshot(row, row.status(), null), snapshot(row, "TRANSFERRED", why));
        audit.record("ENROL", "Enrolment", newId, "转班转入", null,
                new Snapshot(targetClassId, row.personId(), Source.TRANSFER.name(), "ENROLLED", row.priorityGroup(),
                        why));
        return newId;
    }

    private ClassFacts lockOpenClass(long classId) {
        ClassFacts facts = store.lockClass(classId).orElseThrow(() -> new NotFound("TrainingClass", classId));
        if (!facts.open()) {
            throw new InvalidInput(null, "enrolment.class.closed", "该培训班已结束或已取消，不能再报名");
        }
        return facts;
    }

    private long place(ClassFacts facts, long personId, Long enterpriseId, EnrolmentPriorityGroup group,
                       Source source) {
        checkPlace(facts, personId, "documentNumber", null);
        long id = store.insertOne(facts, new EnrolmentStore.NewEnrolment(personId, enterpriseId, group.stored(),
                source.name(), null, null));
        audit.record("ENROL", "Enrolment", id, "报名：" + facts.name(), null,
                new Snapshot(facts.id(), personId, source.name(), "ENROLLED", group.stored(), null));
        return id;
    }

    /** The class (locked by the caller) must be open, have a place and not clash with the person's classes. */
    private void checkPlace(ClassFacts facts, long personId, String field, Long leaving) {
        if (!facts.open()) {
            throw new InvalidInput(field, "enrolment.class.closed", "该培训班已结束或已取消，不能再报名");
        }
        if (!store.alreadyEnrolled(facts.id(), List.of(personId)).isEmpty()) {
            throw new InvalidInput(field, "enrolment.person.alreadyEnrolled", "该学员已在本班");
        }
        if (store.taken(facts.id()) >= facts.capacity()) {
            throw new InvalidInput(field, "enrolment.class.full", "培训班名额已满");
        }
        Set<Long> clashes = leaving == null ? store.overlapping(facts.id(), List.of(personId))
                : store.overlapping(facts.id(), List.of(personId), leaving);
        if (!clashes.isEmpty()) {
            throw new InvalidInput(field, "enrolment.person.overlap", "该学员已报名的其他培训班与本班上课时间冲突");
        }
    }

    private static Snapshot snapshot(EnrolmentStore.EnrolmentRow row, String status, String reason) {
        return new Snapshot(row.classId(), row.personId(), null, status, row.priorityGroup(), reason);
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInput("reason", "enrolment.reason.required", "请填写原因");
        }
        if (text.length() > 500) {
            throw new InvalidInput("reason", "enrolment.reason.length", "原因不能超过500个字");
        }
        return text;
    }

    private static EnrolmentPriorityGroup group(EnrolmentPriorityGroup group) {
        return group == null ? EnrolmentPriorityGroup.NONE : group;
    }

    private static Learners.Details details(EnrolPerson person) {
        return new Learners.Details(person.name(), person.documentType(), person.documentNumber(), person.phone());
    }
}
