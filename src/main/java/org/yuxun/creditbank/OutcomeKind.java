package org.yuxun.creditbank;

/**
 * The kinds of learning outcome (学习成果) the issue names. Each has its own recording rule of hours per credit, a
 * setting with 16 as default (seeds cite 16–18 hours per credit).
 */
public enum OutcomeKind {
    /** A completed training class, counted by its hours. */
    TRAINING,
    /** An issued certificate: training, skill-level, 1+X or vocational qualification. */
    CERTIFICATE,
    /** A competition result (later modules). */
    COMPETITION,
    /** An academic course result recorded by an institution. */
    COURSE,
    /** Another outcome a learner submitted with evidence. */
    OTHER
}
