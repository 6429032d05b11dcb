package org.yuxun.credentials;

import java.util.UUID;

/**
 * A signed credential as stored.
 *
 * @param credentialId the certificate's public identifier
 * @param jwt the compact vc+jwt
 * @param kid the signing key that signed it, {@code <issuer id>-v<version>}
 * @param statusListIndex its bit in the issuer's Bitstring Status List
 */
public record IssuedCredential(UUID credentialId, String jwt, String kid, long statusListIndex) {
}
