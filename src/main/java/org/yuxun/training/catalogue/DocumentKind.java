package org.yuxun.training.catalogue;

/** Standards attached to a programme: 培训方案, 课程标准 (seeds/001 §二(五)). */
enum DocumentKind {
    TRAINING_PLAN, COURSE_STANDARD, OTHER
}
