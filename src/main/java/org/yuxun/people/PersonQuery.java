package org.yuxun.people;

import org.yuxun.shared.DocumentType;
import org.yuxun.shared.Sex;

/**
 * Search criteria for the person list; every part optional.
 *
 * @param text part of a name, or a complete document number: a number is never matched in part, since the stored
 *     numbers are encrypted; it is hashed and matched exactly
 * @param documentType only persons with this kind of document
 * @param sex only persons of this sex
 */
public record PersonQuery(String text, DocumentType documentType, Sex sex) {

    public static PersonQuery all() {
        return new PersonQuery(null, null, null);
    }

    /** Type and filters only: the text may be a document number. */
    @Override
    public String toString() {
        return "PersonQuery[documentType=" + documentType + ", sex=" + sex + "]";
    }
}
