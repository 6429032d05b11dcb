package org.yuxun.training.catalogue;

/** 培训类型 of a programme (seeds/001 §二(一)–(三)). */
enum ProgrammeType {
    CONTINUING_EDUCATION, JOB_SKILLS, ADVANCED_SEMINAR, EMPLOYMENT_ENTREPRENEURSHIP, REEMPLOYMENT,
    ENTERPRISE_APPRENTICESHIP, TECHNICAL_SERVICE, OTHER
}
