package org.yuxun.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yuxun.shared.DocumentType;
import org.yuxun.shared.Sex;

/**
 * A person as pages and the API show them: the document number and phone masked, and only the relationships the
 * caller's data scope reaches (an institution sees its own; an authority those of institutions it supervises).
 * Nothing here tells one institution what another knows of the person.
 *
 * @param sex and {@code birthDate}: from the GB 11643 number; {@code null} for passports and other documents
 * @param phoneMasked the number the caller's organisation holds for the person, masked; {@code null} if none
 * @param version for optimistic locking of edits
 */
public record PersonView(long id, String name, DocumentType documentType, String documentMasked, Sex sex,
                         LocalDate birthDate, String phoneMasked, List<Link> links, int version) {

    /** One relationship of an organisation to the person. */
    public record Link(OrgRef.Kind orgKind, long orgId, String orgName, Relation relation, Instant since) {
    }
}
