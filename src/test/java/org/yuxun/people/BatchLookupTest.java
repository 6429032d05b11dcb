package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.PersonRef.Outcome;
import org.yuxun.people.internal.PersonStore;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.PersonDocument;

/** {@link PersonRegistry#findAllByDocument}, the lookup the roster import's checks make. */
@IntegrationTest
class BatchLookupTest {

    @Autowired
    PersonRegistry registry;

    @Autowired
    Accounts accounts;

    @Test
    void findsThePersonsOnFileByDocumentAndLeavesOutUnknownDocuments() {
        CurrentUser college = accounts.load("college-admin");
        String first = TestPersons.identityNumber();
        String second = TestPersons.identityNumber();
        List<PersonRef> registered = TestPersons.as(college, () -> registry.registerAll(List.of(
                row(first), row(second)), learnerOf(college)));
        PersonDocument unknown = resident(TestPersons.identityNumber());

        Map<PersonDocument, PersonRef> found = TestPersons.as(college, () -> registry.findAllByDocument(List.of(
                resident(first), unknown, resident(second.toLowerCase()), resident(first))));

        assertThat(found).hasSize(2).doesNotContainKey(unknown);
        assertThat(found.get(resident(first)).id()).isEqualTo(registered.get(0).id());
        assertThat(found.get(resident(second)).id()).isEqualTo(registered.get(1).id());
        assertThat(found.get(resident(second)).documentMasked()).doesNotContain(second.substring(6, 14));
        assertThat(found.values()).extracting(PersonRef::outcome).containsOnly(Outcome.FOUND);
    }

    @Test
    void findsOnlyThePersonsTheCallersScopeReaches() {
        CurrentUser college = accounts.load("college-admin");
        CurrentUser ningbo = accounts.load("nb-college");
        String ours = TestPersons.identityNumber();
        String theirs = TestPersons.identityNumber();
        TestPersons.as(college, () -> registry.registerAll(List.of(row(ours)), learnerOf(college)));
        TestPersons.as(ningbo, () -> registry.registerAll(List.of(row(theirs)), learnerOf(ningbo)));

        Map<PersonDocument, PersonRef> found = TestPersons.as(college, () -> registry.findAllByDocument(List.of(
                resident(ours), resident(theirs))));

        assertThat(found).containsOnlyKeys(resident(ours));
    }

    @Test
    void looksUpMoreDocumentsThanOneStatementChunk() {
        CurrentUser college = accounts.load("college-admin");
        int size = PersonStore.CHUNK + 3;
        List<RegisterPerson> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(TestPersons.identityNumber()));
        }
        TestPersons.as(college, () -> registry.registerAll(rows, learnerOf(college)));

        Map<PersonDocument, PersonRef> found = TestPersons.as(college, () -> registry.findAllByDocument(
                rows.stream().map(r -> resident(r.documentNumber())).toList()));

        assertThat(found).hasSize(size);
    }

    private static RegisterPerson row(String number) {
        return new RegisterPerson(DocumentType.RESIDENT_ID_CARD, number, TestPersons.name(), null);
    }

    private static PersonDocument resident(String number) {
        return PersonDocument.of(DocumentType.RESIDENT_ID_CARD, number);
    }

    private static OrgRelation learnerOf(CurrentUser user) {
        return new OrgRef(OrgRef.Kind.INSTITUTION, user.orgId()).as(Relation.LEARNER);
    }
}
