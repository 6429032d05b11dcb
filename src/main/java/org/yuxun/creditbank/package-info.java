/**
 * Credit bank (学分银行, issue 5): every person's lifelong learning account (个人学习账户) and the learning outcomes
 * recorded into it from completed classes and issued certificates; the minimal academic catalogue of an
 * institution (majors, degree programmes, courses, students) that outcomes convert into; conversion rules an
 * institution publishes; credit exchange applications reviewed line by line, whose accepted lines award credits
 * and course exemptions (免修); and the learner's accumulated credits (seeds/001 §二(九): "依托学分银行…计入个人
 * 学习账号…培训成果按规定兑换学分，免修相应课程"; seeds/003 §(九); seeds/004 §(六)). Listens to
 * {@link org.yuxun.training.EnrolmentCompleted} and {@link org.yuxun.certification.CertificateIssued}.
 */
package org.yuxun.creditbank;
