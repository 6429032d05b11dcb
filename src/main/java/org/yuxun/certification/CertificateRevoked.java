package org.yuxun.certification;

import java.time.LocalDate;

/**
 * A certificate was revoked. The credit bank marks the learning outcome recorded from it, which can then no longer
 * be converted into credits (seeds/001 §二(九): outcomes convert "按规定").
 *
 * @param certificateId the certificate's id
 * @param number        the number printed on it
 * @param personId      the holder
 * @param revokedOn     the date of revocation in China
 * @param reason        why it was revoked, as shown on its verification page
 */
public record CertificateRevoked(long certificateId, String number, long personId, LocalDate revokedOn,
                                 String reason) {
}
