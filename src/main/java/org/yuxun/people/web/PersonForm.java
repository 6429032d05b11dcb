package org.yuxun.people.web;

import org.yuxun.people.Relation;
import org.yuxun.people.RegisterPerson;
import org.yuxun.shared.DocumentType;

/** The register form; the registry validates it (value objects with field-level messages). */
record PersonForm(DocumentType documentType, String documentNumber, String name, String phone, Relation relation) {

    static PersonForm empty(Relation relation) {
        return new PersonForm(DocumentType.RESIDENT_ID_CARD, "", "", "", relation);
    }

    RegisterPerson command() {
        return new RegisterPerson(documentType, documentNumber, name, phone);
    }

    @Override
    public String toString() {
        return "PersonForm[" + documentType + "]";
    }
}
