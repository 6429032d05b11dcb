package org.yuxun.training.enrolment;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DocumentType;
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
    public Optional<Long> find(DocumentType type, String number) {
        try {
            return registry.findByDocument(PersonDocument.of(type, number)).map(PersonRef::id);
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static List<RegisterPerson> commands(List<Details> rows) {
        return rows.stream().map(d -> new RegisterPerson(d.documentType(), d.documentNumber(), d.name(), d.phone()))
                .toList();
    }
}
