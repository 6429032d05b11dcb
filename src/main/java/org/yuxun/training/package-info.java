/**
 * Training: the programme catalogue co-developed with enterprises, classes with their schedules, real-name
 * enrolment, attendance that cannot be faked, assessment and completion (seeds/000 §(五)–(八),
 * seeds/001 §二(一)–(五)). Completion publishes {@code EnrolmentCompleted} for certificates, the credit bank and
 * subsidies.
 */
package org.yuxun.training;
