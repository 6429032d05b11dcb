package org.yuxun.training.enrolment;

import java.util.List;
import java.util.Map;

import org.yuxun.shared.DocumentType;

/**
 * The real-name persons enrolment needs: registered (or found) through the people module, which alone encrypts
 * and hashes identity documents, and linked to the organisation that enrols them.
 */
interface Learners {

    /** A learner's details as entered or imported, not yet validated. */
    record Details(String name, DocumentType documentType, String documentNumber, String phone) {

        @Override
        public String toString() {
            return "Details[" + documentType + "]";
        }
    }

    /**
     * Registers or links every row to the institution as its learner.
     *
     * @return the person id of each row, in order
     * @throws org.yuxun.shared.InvalidInput for wrong rows, at {@code rows[i].field}; nothing is saved then
     */
    List<Long> asLearnersOf(long institutionId, List<Details> rows);

    /**
     * Registers or links every row to the enterprise as its employee.
     *
     * @return the person id of each row, in order
     */
    List<Long> asEmployeesOf(long enterpriseId, List<Details> rows);

    /**
     * The persons on file within the caller's scope, for many rows at once (a few queries, not one per row).
     *
     * @return person id by the index of the row in {@code rows}; rows whose person is not found are absent
     */
    Map<Integer, Long> findAll(List<Details> rows);
}
