package org.yuxun.people;

import java.util.ArrayList;
import java.util.List;

import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.PersonDocument;
import org.yuxun.shared.PhoneNumber;

/**
 * Register a real-name person, as typed into a form, sent to the API or read from an Excel row. Nothing is
 * normalised yet; {@link #validate()} does that and names every field that is wrong.
 *
 * @param documentType the kind of identity document
 * @param documentNumber its number as typed
 * @param name the name as on the document
 * @param phone a contact number, optional
 */
public record RegisterPerson(DocumentType documentType, String documentNumber, String name, String phone) {

    /** The command after validation: canonical document, normalised name, canonical phone or {@code null}. */
    public record Validated(PersonDocument document, PersonName name, PhoneNumber phone) {
    }

    /**
     * Normalises and validates every field.
     *
     * @throws InvalidInput naming each wrong field ({@code documentType}, {@code documentNumber}, {@code name},
     *     {@code phone}) with the value objects' message codes; messages never contain the rejected value
     */
    public Validated validate() {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        PersonDocument document = null;
        if (documentType == null) {
            problems.add(new InvalidInput.Violation("documentType", "person.document.type.required", "请选择证件类型",
                    new Object[0]));
        } else {
            try {
                document = PersonDocument.of(documentType, documentNumber);
            } catch (InvalidValueException e) {
                problems.add(violation("documentNumber", e));
            }
        }
        PersonName personName = null;
        try {
            personName = PersonName.of(name);
        } catch (InvalidValueException e) {
            problems.add(violation("name", e));
        }
        PhoneNumber phoneNumber = null;
        if (phone != null && !phone.isBlank()) {
            try {
                phoneNumber = PhoneNumber.of(phone);
            } catch (InvalidValueException e) {
                problems.add(violation("phone", e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Validated(document, personName, phoneNumber);
    }

    /** The document type only: a stray log line or exception message must not carry the number or phone. */
    @Override
    public String toString() {
        return "RegisterPerson[" + documentType + "]";
    }

    private static InvalidInput.Violation violation(String field, InvalidValueException e) {
        return new InvalidInput.Violation(field, e.getCode(), e.getMessage(), e.getArgs());
    }
}
