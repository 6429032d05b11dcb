package org.yuxun.training.enrolment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.PersonDocument;

/** {@link Learners} through the people module's {@link PersonRegistry}. */
@Component
class RegistryLearners implements Learners {

    private final PersonRegistry registry;

    RegistryLearners(PersonRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<Long> asLearnersOf(long institutionId, List<Details> rows) {
        return register(rows, new OrgRef(OrgRef.Kind.INSTITUTION, institutionId).as(Relation.LEARNER));
    }

    @Override
    public List<Long> asEmployeesOf(long enterpriseId, List<Details> rows) {
        return register(rows, new OrgRef(OrgRef.Kind.ENTERPRISE, enterpriseId).as(Relation.EMPLOYEE));
    }

    /** A single person's refusals name the form's fields ({@code name}), a batch's the rows ({@code rows[3].name}). */
    private List<Long> register(List<Details> rows, OrgRelation relation) {
        try {
            return registry.registerAll(commands(rows), relation).stream().map(PersonRef::id).toList();
        } catch (InvalidInput e) {
            if (rows.size() != 1) {
                throw e;
            }
            throw new InvalidInput(e.violations().stream()
                    .map(v -> new InvalidInput.Violation(v.field() == null ? null : v.field().replace("rows[0].", ""),
                            v.code(), v.defaultMessage(), v.args()))
                    .toList());
        }
    }

    @Override
    public Map<Integer, Long> findAll(List<Details> rows) {
        List<PersonDocument> documents = new ArrayList<>(rows.size());
        for (Details row : rows) {
            try {
                documents.add(PersonDocument.of(row.documentType(), row.documentNumber()));
            } catch (InvalidValueException e) {
                documents.add(null);
            }
        }
        Map<PersonDocument, PersonRef> found = registry.findAllByDocument(documents.stream()
                .filter(Objects::nonNull).toList());
        Map<Integer, Long> ids = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            PersonRef person = documents.get(i) == null ? null : found.get(documents.get(i));
            if (person != null) {
                ids.put(i, person.id());
            }
        }
        return ids;
    }

    private static List<RegisterPerson> commands(List<Details> rows) {
        return rows.stream().map(d -> new RegisterPerson(d.documentType(), d.documentNumber(), d.name(), d.phone()))
                .toList();
    }
}
