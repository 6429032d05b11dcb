package org.yuxun.training;

import org.yuxun.shared.DocumentType;

/**
 * Enrolment (报名) in training classes, for other modules and tests. Every call runs in the caller's data scope: a
 * class the caller may not see is {@link org.yuxun.shared.NotFound}. Refusals are
 * {@link org.yuxun.shared.InvalidInput} naming the field; nothing is saved then.
 */
public interface EnrolmentManagement {

    /** How an enrolment came about; stored as {@code enrolment.source}. */
    enum Source { PUBLIC, STAFF, ENTERPRISE, IMPORT, TRANSFER }

    /**
     * A learner as staff enter them.
     *
     * @param phone optional
     */
    record EnrolPerson(String name, DocumentType documentType, String documentNumber, String phone,
                       EnrolmentPriorityGroup priorityGroup) {

        @Override
        public String toString() {
            return "EnrolPerson[" + documentType + "]";
        }
    }

    /**
     * Registers the person (or links the one on file with that document) to the institution as its learner and
     * enrols them in the class, which must be open, have a place left, not already hold the person, and not meet
     * at the same time as another class the person is enrolled in.
     *
     * @return the enrolment's id
     */
    long enrol(long classId, EnrolPerson person);

    /**
     * Enrols a person already on file and known to the caller, with the same checks as
     * {@link #enrol(long, EnrolPerson)}.
     *
     * @return the enrolment's id
     */
    long enrolPerson(long classId, long personId, EnrolmentPriorityGroup priorityGroup, Source source);

    /**
     * Withdraws an enrolled learner (退学/退班), keeping the record with its reason.
     *
     * @param version the version the caller saw, so a concurrent change is not overwritten
     */
    void withdraw(long classId, long enrolmentId, int version, String reason);

    /**
     * Moves an enrolled learner to another open class of the same institution with a place left and no clashing
     * sessions: the old enrolment becomes {@code TRANSFERRED} pointing at the new one, whose source is
     * {@code TRANSFER}.
     *
     * @return the new enrolment's id
     */
    long transfer(long classId, long enrolmentId, int version, long targetClassId, String reason);
}
