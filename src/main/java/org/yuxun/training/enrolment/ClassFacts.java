package org.yuxun.training.enrolment;

/**
 * What enrolment needs to know of a class: the facts copied onto each enrolment (the row-level security policies
 * read them there, so they must match the class), its capacity and whether it takes learners.
 */
record ClassFacts(long id, long programmeId, String name, long institutionId, String institutionKind,
                  String regionCode, boolean subsidised, Long enterpriseId, int capacity, String status,
                  String programmeStatus) {

    /** A class takes enrolments until it has finished: planned, enrolling or in progress. */
    boolean open() {
        return status.equals("PLANNED") || status.equals("ENROLLING") || status.equals("IN_PROGRESS");
    }
}
