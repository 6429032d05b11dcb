package org.yuxun.certification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A certificate was issued (or recorded from outside). The credit bank registers it as a learning outcome
 * (seeds/001 §二(九)); subsidy claims cite certificate numbers (seeds/002 L1249).
 *
 * @param certificateId the certificate's id
 * @param publicId      its unguessable public identifier (the QR code's and the credential's id)
 * @param kind          what kind of certificate
 * @param number        the number printed on it
 * @param issuerId      the issuing institution
 * @param personId      the holder
 * @param enrolmentId   the enrolment it was earned in, if any
 * @param skillLevel    1–5 for a skill-level certificate, else null
 * @param issuedOn      the date of issue
 */
public record CertificateIssued(long certificateId, UUID publicId, CertificateKind kind, String number,
                                long issuerId, long personId, Long enrolmentId, Integer skillLevel,
                                LocalDate issuedOn) {
}
