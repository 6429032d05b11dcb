package org.yuxun.training.catalogue;

/** Lifecycle of a programme: drafted, submitted to and approved by the institution, published, retired. */
enum ProgrammeStatus {
    DRAFT, SUBMITTED, APPROVED, PUBLISHED, RETIRED
}
