package org.yuxun.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A certificate as it was issued, with the holder's masked identity number only.
 *
 * @param status {@code VALID} or {@code REVOKED} as stored; {@link #state(LocalDate)} adds expiry
 */
public record CertificateView(long id, UUID publicId, CertificateKind kind, String number, long issuerId,
                              String issuerName, long institutionId, long personId, String holderName,
                              String holderDocumentMasked, Long enrolmentId, Long programmeId, Long classId,
                              String title, String occupation, Integer skillLevel, BigDecimal hours,
                              LocalDate issuedOn, LocalDate validUntil, String status, Instant revokedAt,
                              String revokedReason, String source, int version) {

    /** What the certificate says today. */
    public enum State { VALID, REVOKED, EXPIRED }

    /** Revoked wins over expired: a revoked certificate must never read as merely out of date. */
    public State state(LocalDate today) {
        if ("REVOKED".equals(status)) {
            return State.REVOKED;
        }
        return validUntil != null && validUntil.isBefore(today) ? State.EXPIRED : State.VALID;
    }

    /** The date of revocation in China, or null. */
    public LocalDate revokedOn() {
        return revokedAt == null ? null : LocalDate.ofInstant(revokedAt, java.time.ZoneId.of("Asia/Shanghai"));
    }

    public boolean revoked() {
        return "REVOKED".equals(status);
    }
}
