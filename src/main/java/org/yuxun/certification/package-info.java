/**
 * Certificates (issue 4): training certificates (培训合格证书) issued by the institution that ran the class,
 * skill-level certificates (职业技能等级证书) issued by a registered evaluator, 1+X certificates of evaluation
 * organisations and vocational-qualification certificates recorded from outside (seeds/001 §二(九),
 * seeds/004 §(十五)). Issued when a learner completes a class whose programme promises one
 * ({@code EnrolmentCompleted}), by hand, for a whole class, or by importing a list; printed as a PDF with a QR code
 * to the public verification page; revoked with a reason. Publishes {@link org.yuxun.certification.CertificateIssued}.
 */
package org.yuxun.certification;
