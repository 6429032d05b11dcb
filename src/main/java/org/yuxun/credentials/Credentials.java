package org.yuxun.credentials;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.credentials.CredentialCheck.Status;
import org.yuxun.credentials.internal.CredentialDocuments;
import org.yuxun.credentials.internal.CredentialRecords;
import org.yuxun.credentials.internal.CredentialRecords.StoredCredential;
import org.yuxun.credentials.internal.SigningKeys;
import org.yuxun.credentials.internal.SigningKeys.PublishedKey;
import org.yuxun.credentials.internal.SigningKeys.SigningKey;
import org.yuxun.credentials.internal.StatusLists;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues, serves, revokes and verifies the signed credential of every certificate (DESIGN.md, "Credential
 * format"). The certification module calls it when it issues or revokes a certificate; the public routes and the
 * verification API call it for anyone. Its tables are read and written without a user's scope
 * ({@link DataScope#asSystem}), because issuing happens in event listeners and verifying is public; nothing it
 * returns says anything about a person beyond what the presented credential itself carries.
 */
@Service
public class Credentials {

    /** A compact JWS longer than this is not a credential of ours; refuse it before parsing. */
    static final int MAX_JWT_LENGTH = 64 * 1024;

    private final SigningKeys keys;
    private final StatusLists statusLists;
    private final CredentialRecords records;
    private final CredentialDocuments documents;
    private final AuditLog audit;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, PublishedKey> publishedKeys = new ConcurrentHashMap<>();

    Credentials(SigningKeys keys, StatusLists statusLists, CredentialRecords records, CredentialDocuments documents,
                AuditLog audit, MessageSource messages) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.records = records;
        this.documents = documents;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Signs and stores the credential; idempotent: the same credentialId returns the stored one. Runs in the
     * caller's transaction, so a certificate and its credential commit or roll back together. The issuer's key and
     * status list are created on its first issuance.
     */
    @Transactional
    public IssuedCredential issue(AchievementClaim claim) {
        return DataScope.asSystem(() -> {
            Optional<StoredCredential> stored = records.find(claim.credentialId());
            if (stored.isPresent()) {
                return issued(stored.get());
            }
            SigningKey key = keys.current(claim.issuerId());
            long index = statusLists.allocate(claim.issuerId());
            String jwt = documents.sign(documents.achievementCredential(claim, index), key);
            if (!records.insert(claim.credentialId(), claim.issuerId(), key.kid(), index, jwt, claim.validFrom(),
                    claim.validUntil())) {
                return issued(records.find(claim.credentialId()).orElseThrow());
            }
            if (statusLists.signed(claim.issuerId()).isEmpty()) {
                signStatusList(claim.issuerId(), key);
            }
            return new IssuedCredential(claim.credentialId(), jwt, key.kid(), index);
        });
    }

    /**
     * Signs a credit transcript as a {@code ClrCredential} with the issuing institution's key, wrapping the
     * learner's stored AchievementCredentials (those not found are left out). Signed on request and not stored: it
     * has no status list entry, and {@link #verify} checks its signature, issuer and dates like any other.
     */
    @Transactional
    public String transcript(TranscriptClaim claim) {
        return DataScope.asSystem(() -> {
            List<String> inner = new ArrayList<>();
            for (UUID id : claim.achievementCredentialIds()) {
                records.find(id).map(StoredCredential::jwt).ifPresent(jwt -> {
                    try {
                        inner.add(JWSObject.parse(jwt).getPayload().toString());
                    } catch (ParseException e) {
                        throw new IllegalStateException("Stored credential is not a JWS: " + id, e);
                    }
                });
            }
            SigningKey key = keys.current(claim.issuerId());
            return documents.sign(documents.clrCredential(claim, inner), key);
        });
    }

    /** The stored compact vc+jwt, for anyone who knows the credential's id (it is printed as a QR code). */
    @Transactional(readOnly = true)
    public Optional<String> jwt(UUID credentialId) {
        return DataScope.asSystem(() -> records.find(credentialId).map(StoredCredential::jwt));
    }

    /**
     * Sets the credential's bit in its issuer's Bitstring Status List (revocation); idempotent. The issuer's status
     * list credential is signed again at once, so verifiers see the revocation on their next fetch. Audited; the
     * reason is recorded with the certificate by the certification module.
     *
     * @throws NotFound if no credential has this id
     */
    @Transactional
    public void revoke(UUID credentialId) {
        StoredCredential credential = DataScope.asSystem(() -> records.find(credentialId))
                .orElseThrow(() -> new NotFound("credential", credentialId));
        if (credential.revokedAt() != null) {
            return;
        }
        DataScope.asSystem(() -> {
            records.markRevoked(credentialId);
            statusLists.set(credential.issuerId(), credential.statusListIndex());
            signStatusList(credential.issuerId(), keys.current(credential.issuerId()));
        });
        audit.record("credential.revoke", "credential", credentialId,
                "吊销可验证凭证，状态列表位 " + credential.statusListIndex(),
                Map.of("revoked", false, "issuerId", credential.issuerId()),
                Map.of("revoked", true, "issuerId", credential.issuerId()));
    }

    /** The issuer's signed BitstringStatusListCredential, if it has issued anything. */
    @Transactional(readOnly = true)
    public Optional<String> statusList(long issuerId) {
        return DataScope.asSystem(() -> statusLists.signed(issuerId));
    }

    /**
     * Verifies a presented vc+jwt: the signature against the published keys, that the issuer is the one the key
     * belongs to, the status list bit, the validity dates, in that order. Only a credential whose signature holds
     * is looked at further; the answer to a forged one names neither credential nor issuer.
     */
    @Transactional(readOnly = true)
    public CredentialCheck verify(String compactJwt) {
        if (compactJwt == null || compactJwt.isBlank() || compactJwt.length() > MAX_JWT_LENGTH) {
            return fail(Status.MALFORMED);
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compactJwt.trim());
        } catch (ParseException e) {
            return fail(Status.MALFORMED);
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                || !CredentialDocuments.VC_JWT.equals(jws.getHeader().getType())) {
            return fail(Status.MALFORMED);
        }
        String kid = jws.getHeader().getKeyID();
        Optional<PublishedKey> key = kid == null ? Optional.empty() : publishedKey(kid);
        if (key.isEmpty()) {
            return fail(Status.UNKNOWN_KEY);
        }
        try {
            if (!jws.verify(new ECDSAVerifier(key.get().publicJwk()))) {
                return fail(Status.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            return fail(Status.BAD_SIGNATURE);
        }
        long issuerId = key.get().issuerId();
        JsonNode credential;
        try {
            credential = json.readTree(jws.getPayload().toString());
        } catch (JacksonException e) {
            return fail(Status.MALFORMED);
        }
        if (!credential.isObject()) {
            return fail(Status.MALFORMED);
        }
        JsonNode issuer = credential.path("issuer");
        String issuerUri = issuer.isObject() ? issuer.path("id").asString("") : issuer.asString("");
        if (!documents.issuerUri(issuerId).equals(issuerUri)) {
            return fail(Status.BAD_SIGNATURE, "credentials.check.issuerMismatch");
        }
        UUID credentialId = credentialId(credential.path("id").asString(""));
        JsonNode status = credential.path("credentialStatus");
        if (!status.isMissingNode()) {
            Optional<Long> index = statusIndex(status, issuerId);
            if (index.isEmpty()) {
                return fail(Status.MALFORMED);
            }
            if (DataScope.asSystem(() -> statusLists.isSet(issuerId, index.get()))) {
                return result(false, Status.REVOKED, credentialId, issuerId);
            }
        }
        Instant now = Instant.now();
        try {
            Instant validFrom = Instant.parse(credential.path("validFrom").asString(""));
            if (now.isBefore(validFrom)) {
                return result(false, Status.NOT_YET_VALID, credentialId, issuerId);
            }
            String validUntil = credential.path("validUntil").asString("");
            if (!validUntil.isEmpty() && now.isAfter(Instant.parse(validUntil))) {
                return result(false, Status.EXPIRED, credentialId, issuerId);
            }
        } catch (DateTimeParseException e) {
            return fail(Status.MALFORMED);
        }
        return result(true, Status.VALID, credentialId, issuerId);
    }

    /**
     * A published key by kid, kept in memory once found: a kid always names the same public key (rotation adds a
     * kid, never changes one, docs/adr/0006-signing-keys.md). Kids not found are not kept, so they stay bounded by
     * the keys that exist.
     */
    private Optional<PublishedKey> publishedKey(String kid) {
        PublishedKey known = publishedKeys.get(kid);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PublishedKey> found = DataScope.asSystem(() -> keys.byKid(kid));
        found.ifPresent(k -> publishedKeys.put(kid, k));
        return found;
    }

    private void signStatusList(long issuerId, SigningKey key) {
        byte[] bits = statusLists.bits(issuerId).orElseThrow();
        statusLists.storeSigned(issuerId,
                documents.sign(documents.statusListCredential(issuerId, bits, Instant.now()), key));
    }

    private Optional<Long> statusIndex(JsonNode status, long issuerId) {
        if (!"BitstringStatusListEntry".equals(status.path("type").asString(""))
                || !"revocation".equals(status.path("statusPurpose").asString(""))
                || !documents.statusListUrl(issuerId).equals(status.path("statusListCredential").asString(""))) {
            return Optional.empty();
        }
        try {
            long index = Long.parseLong(status.path("statusListIndex").asString(""));
            return index < 0 ? Optional.empty() : Optional.of(index);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static UUID credentialId(String id) {
        if (!id.startsWith("urn:uuid:")) {
            return null;
        }
        try {
            return UUID.fromString(id.substring("urn:uuid:".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IssuedCredential issued(StoredCredential stored) {
        return new IssuedCredential(stored.id(), stored.jwt(), stored.kid(), stored.statusListIndex());
    }

    private CredentialCheck fail(Status status) {
        return fail(status, "credentials.check." + status.name());
    }

    private CredentialCheck fail(Status status, String messageKey) {
        return new CredentialCheck(false, status, text(messageKey), null, null);
    }

    private CredentialCheck result(boolean valid, Status status, UUID credentialId, long issuerId) {
        return new CredentialCheck(valid, status, text("credentials.check." + status.name()), credentialId,
                issuerId);
    }

    /** In the caller's language during a request; Chinese, the platform's default, outside one. */
    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocaleContext() == null ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }
}
