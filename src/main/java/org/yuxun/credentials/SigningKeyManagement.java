package org.yuxun.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.credentials.internal.SigningKeys;
import org.yuxun.credentials.internal.SigningKeys.PublishedKey;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;

/**
 * The issuers' signing keys (docs/adr/0006-signing-keys.md): the public JWKS, and rotation by the institution's
 * administrator or the platform. Rotating retires the current key without invalidating anything it signed: the
 * retired public key stays in the JWKS and new credentials are signed with version n+1.
 */
@Service
public class SigningKeyManagement {

    /** A key as the staff page lists it. */
    public record KeyView(long issuerId, String issuerName, int version, String kid, Instant createdAt, Instant retiredAt) {

        public boolean current() {
            return retiredAt == null;
        }
    }

    private final SigningKeys keys;
    private final AuditLog audit;
    private final OrganizationDirectory organizations;

    SigningKeyManagement(SigningKeys keys, AuditLog audit, OrganizationDirectory organizations) {
        this.keys = keys;
        this.audit = audit;
        this.organizations = organizations;
    }

    /** Every issuer's public keys, current and retired, as the JWKS document served at /.well-known/jwks.json. */
    @Transactional(readOnly = true)
    public String jwks() {
        List<JWK> published = DataScope.asSystem(() -> keys.all()).stream()
                .map(k -> (JWK) k.publicJwk()).toList();
        return new JWKSet(published).toString(true);
    }

    /** The keys the caller's scope may see: their own institution's, or all for the platform. */
    @Transactional(readOnly = true)
    public List<KeyView> keys() {
        return keys.all().stream().map(this::view).toList();
    }

    /**
     * Rotates the issuer's key in the caller's scope, so an institution's administrator reaches only their own
     * institution's key. Audited.
     *
     * @throws NotFound when the issuer has no key yet, or it lies outside the caller's scope
     */
    @Transactional
    public KeyView rotate(long issuerId) {
        String previous = keys.currentKid(issuerId).orElse(null);
        PublishedKey rotated = keys.rotate(issuerId).orElseThrow(() -> new NotFound("signing key of", issuerId));
        audit.record("credential.key.rotate", "signing_key", issuerId, "轮换签名密钥，新密钥 " + rotated.kid(),
                previous == null ? null : Map.of("kid", previous), Map.of("kid", rotated.kid()));
        return view(rotated);
    }

    private KeyView view(PublishedKey key) {
        String name = organizations.institutionName(key.issuerId()).orElse(String.valueOf(key.issuerId()));
        return new KeyView(key.issuerId(), name, key.version(), key.kid(), key.createdAt(), key.retiredAt());
    }
}
