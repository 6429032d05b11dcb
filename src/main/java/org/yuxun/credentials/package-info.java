/**
 * Signed, machine-verifiable credentials (DESIGN.md, "Credential format"; docs/adr/0006-signing-keys.md): every
 * certificate becomes a W3C Verifiable Credential 2.0 that is an Open Badges 3.0 {@code AchievementCredential},
 * a JWT whose payload is the credential itself ({@code typ: vc+jwt}, {@code alg: ES256}). Each issuing
 * institution signs with its own key; all public keys are published as one JWKS; revocation is a W3C Bitstring
 * Status List per issuer. The certification module calls {@link org.yuxun.credentials.Credentials}.
 */
package org.yuxun.credentials;
