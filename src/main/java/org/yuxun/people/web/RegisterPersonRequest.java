package org.yuxun.people.web;

import org.yuxun.people.Relation;
import org.yuxun.people.RegisterPerson;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;

/**
 * Body of {@code POST /api/v1/persons}. The enums arrive as text so that a wrong value is answered at its field
 * like every other mistake, instead of as an unreadable body.
 *
 * @param documentType {@code RESIDENT_ID_CARD}, {@code HK_MACAO_RESIDENCE_PERMIT}, {@code TAIWAN_RESIDENCE_PERMIT},
 *     {@code PASSPORT} or {@code OTHER}; default {@code RESIDENT_ID_CARD}
 * @param relation {@code LEARNER}, {@code STAFF}, {@code EMPLOYEE} or {@code APPLICANT}; default {@code LEARNER}
 *     for institutions and {@code EMPLOYEE} for enterprises
 */
record RegisterPersonRequest(String documentType, String documentNumber, String name, String phone,
                             String relation) {

    RegisterPerson command() {
        return new RegisterPerson(documentTypeOrDefault(), documentNumber, name, phone);
    }

    DocumentType documentTypeOrDefault() {
        if (documentType == null || documentType.isBlank()) {
            return DocumentType.RESIDENT_ID_CARD;
        }
        try {
            return DocumentType.valueOf(documentType.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("documentType", "person.document.type.unknown", "证件类型不正确");
        }
    }

    Relation relationOr(Relation fallback) {
        if (relation == null || relation.isBlank()) {
            return fallback;
        }
        try {
            return Relation.valueOf(relation.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("relation", "person.relation.unknown", "与本单位的关系不正确");
        }
    }

    @Override
    public String toString() {
        return "RegisterPersonRequest[" + documentType + "]";
    }
}
