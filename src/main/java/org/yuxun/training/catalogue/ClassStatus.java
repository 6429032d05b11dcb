package org.yuxun.training.catalogue;

/** Lifecycle of a class; COMPLETED is set when the class is completed (assessment), CANCELLED with a reason. */
enum ClassStatus {
    PLANNED, ENROLLING, IN_PROGRESS, COMPLETED, CANCELLED
}
