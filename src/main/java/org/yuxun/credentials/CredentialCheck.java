package org.yuxun.credentials;

import java.util.UUID;

/**
 * The answer to "is this presented credential genuine and in force?". It never says anything about the holder:
 * a forged or tampered credential learns nothing about whether a person exists.
 *
 * @param valid signature, issuer, status and dates all hold
 * @param status what was found
 * @param message a clear sentence in the caller's language (Chinese by default)
 * @param credentialId the credential's id when the signature holds, else {@code null}
 * @param issuerId the issuing institution when the signature holds, else {@code null}
 */
public record CredentialCheck(boolean valid, Status status, String message, UUID credentialId, Long issuerId) {

    public enum Status {
        /** Genuine, not revoked, within its validity dates. */
        VALID,
        /** Genuine but revoked by its issuer (its bit is set in the issuer's status list). */
        REVOKED,
        /** Genuine but past its {@code validUntil}. */
        EXPIRED,
        /** Genuine but before its {@code validFrom}. */
        NOT_YET_VALID,
        /** The signature does not hold: the content was changed, or someone else signed it. */
        BAD_SIGNATURE,
        /** Signed with a key this platform never published. */
        UNKNOWN_KEY,
        /** Not a compact vc+jwt credential at all. */
        MALFORMED
    }
}
