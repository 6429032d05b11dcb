package org.yuxun.people.web;

import org.yuxun.people.PersonQuery;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.Sex;

/**
 * Search criteria as a page or API request carries them. {@code q} may be a complete document number, so
 * {@link #toString()} leaves it out: Spring logs handler arguments at trace level.
 */
record PersonSearch(String q, DocumentType documentType, Sex sex, Integer page, Integer size) {

    PersonQuery query() {
        return new PersonQuery(q, documentType, sex);
    }

    /** Names never contain digits, so text with one is a document number (or a typing error), never a name. */
    boolean byDocumentNumber() {
        return q != null && q.chars().anyMatch(c -> (c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
    }

    boolean filtered() {
        return (q != null && !q.isBlank()) || documentType != null || sex != null;
    }

    @Override
    public String toString() {
        return "PersonSearch[documentType=" + documentType + ", sex=" + sex + ", page=" + page + "]";
    }
}
