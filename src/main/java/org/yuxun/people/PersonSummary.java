package org.yuxun.people;

import java.time.LocalDate;
import java.util.List;

import org.yuxun.shared.DocumentType;
import org.yuxun.shared.Sex;

/**
 * One row of the person list: masked document and phone, and the relationships visible to the caller.
 */
public record PersonSummary(long id, String name, DocumentType documentType, String documentMasked, Sex sex,
                            LocalDate birthDate, String phoneMasked, List<Relation> relations) {
}
