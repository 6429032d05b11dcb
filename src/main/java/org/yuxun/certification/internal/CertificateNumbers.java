package org.yuxun.certification.internal;

import org.yuxun.certification.CertificateKind;

/**
 * How certificate numbers read: {@code <issuer code>-<yyyy>-<kind letter>-<six-digit sequence>}, for example
 * {@code 4F3KX2MA7-2026-T-000001}. The issuer code is the nine-character organisation code inside the issuer's
 * unified social credit code (GB 32100, characters 9–17), which identifies the organisation nationally, so numbers
 * of two issuers never collide; an issuer without a credit code uses {@code I<id>}. Each issuer numbers each kind
 * per year from 1 (seeds/004 §(十五) asks for certificates that can be looked up and checked by number).
 */
public final class CertificateNumbers {

    private CertificateNumbers() {
    }

    public static String issuerCode(long issuerId, String creditCode) {
        if (creditCode != null && creditCode.length() == 18) {
            return creditCode.substring(8, 17);
        }
        return "I" + issuerId;
    }

    public static String format(String issuerCode, int year, CertificateKind kind, int sequence) {
        return issuerCode + "-" + year + "-" + kind.letter() + "-" + String.format("%06d", sequence);
    }
}
