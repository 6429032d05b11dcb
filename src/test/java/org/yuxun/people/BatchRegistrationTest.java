package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.PersonRef.Outcome;
import org.yuxun.people.internal.PersonStore;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;

/** {@link PersonRegistry#registerAll}, the path the roster import takes. */
@IntegrationTest
class BatchRegistrationTest {

    @Autowired
    PersonRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersNewRowsLinksKnownPersonsAndTreatsRepeatedRowsAsOnePerson() {
        CurrentUser college = accounts.load("college-admin");
        CurrentUser ningbo = accounts.load("nb-college");
        String known = TestPersons.identityNumber();
        String knownName = TestPersons.name();
        PersonRef registeredElsewhere = TestPersons.as(college, () -> registry.register(
                new RegisterPerson(DocumentType.RESIDENT_ID_CARD, known, knownName, null), learnerOf(college)));
        String repeated = TestPersons.identityNumber();
        String repeatedName = TestPersons.name();
        List<RegisterPerson> rows = List.of(
                row(TestPersons.identityNumber(), TestPersons.name(), "13800000001"),
                row(known, knownName, "13800000002"),
                row(repeated, repeatedName, null),
                new RegisterPerson(DocumentType.PASSPORT, "e" + System.nanoTime() % 100_000_000, TestPersons.name(),
                        null),
                row(repeated.toLowerCase(), repeatedName, "13800000005"));

        List<PersonRef> refs = TestPersons.as(ningbo, () -> registry.registerAll(rows, learnerOf(ningbo)));

        assertThat(refs).extracting(PersonRef::outcome).containsExactly(Outcome.REGISTERED, Outcome.LINKED,
                Outcome.REGISTERED, Outcome.REGISTERED, Outcome.REGISTERED);
        assertThat(refs.get(1).id()).isEqualTo(registeredElsewhere.id());
        assertThat(refs.get(4).id()).isEqualTo(refs.get(2).id());
        assertThat(new HashSet<>(refs.stream().map(PersonRef::id).toList())).hasSize(4);
        assertThat(count("select count(*) from person_link where org_id = ? and person_id = any(?)",
                ningbo.orgId(), ids(refs))).isEqualTo(4);
        assertThat(count("select count(*) from person_contact where org_id = ? and person_id = any(?)",
                ningbo.orgId(), ids(refs))).isEqualTo(3);
        assertThat(count("""
                        select count(*) from audit_event where action = 'REGISTER_BATCH' and username = 'nb-college'
                        and after ->> 'rows' = '5'""")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refusesEveryWrongRowAtItsIndexAndSavesNothing() {
        CurrentUser college = accounts.load("college-admin");
        String good = TestPersons.name();
        List<RegisterPerson> rows = List.of(
                row(TestPersons.identityNumber(), good, null),
                row(PersonPagesTest.wrongCheck(TestPersons.identityNumber()), TestPersons.name(), null),
                row(TestPersons.identityNumber(), "", "123"));

        assertThatThrownBy(() -> TestPersons.as(college, () -> registry.registerAll(rows, learnerOf(college))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field, InvalidInput.Violation::code)
                        .containsExactly(
                                tuple("rows[1].documentNumber", "identity.number.checksum"),
                                tuple("rows[2].name", "person.name.blank"),
                                tuple("rows[2].phone", "phone.number.format")));
        assertThat(count("select count(*) from person where name = ?", good)).isZero();
    }

    @Test
    void refusesANameThatDiffersFromTheRegisteredOneOrFromAnEarlierRowAndSavesNothing() {
        CurrentUser college = accounts.load("college-admin");
        CurrentUser ningbo = accounts.load("nb-college");
        String known = TestPersons.identityNumber();
        TestPersons.as(college, () -> registry.register(
                new RegisterPerson(DocumentType.RESIDENT_ID_CARD, known, TestPersons.name(), null),
                learnerOf(college)));
        String twice = TestPersons.identityNumber();
        String fresh = TestPersons.name();
        List<RegisterPerson> rows = List.of(
                row(TestPersons.identityNumber(), fresh, null),
                row(known, TestPersons.name(), null),
                row(twice, TestPersons.name(), null),
                row(twice, TestPersons.name(), null));

        assertThatThrownBy(() -> TestPersons.as(ningbo, () -> registry.registerAll(rows, learnerOf(ningbo))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field, InvalidInput.Violation::code)
                        .containsExactly(
                                tuple("rows[3].name", "person.batch.nameConflict"),
                                tuple("rows[1].name", "person.name.mismatch")));
        assertThat(count("select count(*) from person where name = ?", fresh)).isZero();
    }

    @Test
    void handlesBatchesLargerThanOneStatementChunk() {
        CurrentUser college = accounts.load("college-admin");
        int size = PersonStore.CHUNK * 2 + 17;
        List<RegisterPerson> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(TestPersons.identityNumber(), TestPersons.name(), i % 3 == 0 ? TestPersons.mobile() : null));
        }

        List<PersonRef> refs = TestPersons.as(college, () -> registry.registerAll(rows, learnerOf(college)));

        assertThat(refs).hasSize(size).allMatch(r -> r.outcome() == Outcome.REGISTERED);
        assertThat(new HashSet<>(refs.stream().map(PersonRef::id).toList())).hasSize(size);
        assertThat(count("select count(*) from person_link where org_id = ? and person_id = any(?)",
                college.orgId(), ids(refs))).isEqualTo(size);
        assertThat(TestPersons.as(college, () -> registry.get(refs.get(size - 1).id())).name())
                .isEqualTo(rows.get(size - 1).name());
    }

    @Test
    void anEmptyBatchDoesNothing() {
        CurrentUser college = accounts.load("college-admin");

        assertThat(TestPersons.as(college, () -> registry.registerAll(List.of(), learnerOf(college)))).isEmpty();
    }

    private static RegisterPerson row(String number, String name, String phone) {
        return new RegisterPerson(DocumentType.RESIDENT_ID_CARD, number, name, phone);
    }

    private static OrgRelation learnerOf(CurrentUser user) {
        return new OrgRef(OrgRef.Kind.INSTITUTION, user.orgId()).as(Relation.LEARNER);
    }

    private static Long[] ids(List<PersonRef> refs) {
        return refs.stream().map(PersonRef::id).distinct().toArray(Long[]::new);
    }

    private long count(String sql, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(Long.class).single());
    }
}
