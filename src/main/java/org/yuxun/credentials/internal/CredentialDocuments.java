package org.yuxun.credentials.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import org.springframework.stereotype.Component;
import org.yuxun.credentials.AchievementClaim;
import org.yuxun.credentials.TranscriptClaim;
import org.yuxun.credentials.internal.SigningKeys.SigningKey;
import org.yuxun.shared.SaltedDigest;
import org.yuxun.shared.YuxunProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and signs the two kinds of credential Yuxun issues, exactly as DESIGN.md ("Credential format") fixes
 * them: the W3C VC Data Model 2.0 credential is the JWT payload itself (VC-JOSE-COSE), header
 * {@code typ: vc+jwt}, {@code alg: ES256}, {@code kid}; no {@code vc} wrapper claim, {@code validFrom} rather than
 * {@code issuanceDate}.
 */
@Component
public class CredentialDocuments {

    /** The media type of VC-JOSE-COSE, used as the JOSE {@code typ}. */
    public static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    private static final String[] LEVELS = {"一级", "二级", "三级", "四级", "五级"};

    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    CredentialDocuments(YuxunProperties properties) {
        this.baseUrl = properties.publicBaseUrl();
    }

    /** The issuer's URI: issuer {@code id} of every credential it signs; the verifier matches it to the kid. */
    public String issuerUri(long issuerId) {
        return baseUrl + "/credentials/issuers/" + issuerId;
    }

    /** Where the issuer's BitstringStatusListCredential is served. */
    public String statusListUrl(long issuerId) {
        return baseUrl + "/credentials/status/" + issuerId;
    }

    /**
     * The Open Badges 3.0 {@code AchievementCredential}. The holder appears by name and by an IdentityObject
     * holding {@code sha256$hex(sha256(number + salt))} with a fresh random salt ({@link
     * org.yuxun.shared.SaltedDigest}), never by the number: whoever
     * knows the number can confirm it, nobody can read it back (PIPL; DESIGN.md "Personal data").
     */
    public String achievementCredential(AchievementClaim claim, long statusListIndex) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerUri(claim.issuerId()));
        issuer.put("type", List.of("Profile"));
        issuer.put("name", claim.issuerName());

        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementUri(claim));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", claim.achievementType());
        achievement.put("name", claim.achievementName());
        achievement.put("description", claim.achievementDescription());
        achievement.put("criteria", Map.of("narrative", criteria(claim)));
        achievement.put("inLanguage", "zh-CN");

        Map<String, Object> hashedNumber = new LinkedHashMap<>();
        hashedNumber.put("type", "IdentityObject");
        hashedNumber.put("identityHash", "sha256$" + claim.holderIdentity().sha256());
        hashedNumber.put("identityType", "nationalIdentityNumber");
        hashedNumber.put("hashed", true);
        hashedNumber.put("salt", claim.holderIdentity().salt());
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("type", "IdentityObject");
        name.put("identityHash", claim.holderName());
        name.put("identityType", "name");
        name.put("hashed", false);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(name, hashedNumber));
        subject.put("licenseNumber", claim.certificateNumber());
        subject.put("achievement", achievement);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListUrl(claim.issuerId()) + "#" + statusListIndex);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", String.valueOf(statusListIndex));
        status.put("statusListCredential", statusListUrl(claim.issuerId()));

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + claim.credentialId());
        credential.put("type", List.of("VerifiableCredential", "AchievementCredential"));
        credential.put("name", claim.achievementName());
        credential.put("issuer", issuer);
        credential.put("validFrom", timestamp(claim.validFrom()));
        if (claim.validUntil() != null) {
            credential.put("validUntil", timestamp(claim.validUntil()));
        }
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", status);
        return json.writeValueAsString(credential);
    }

    /**
     * A CLR 2.0-shaped {@code ClrCredential} (the CLR schema is not available here, DESIGN.md): the subject holds
     * the learner by name and salted hash of the identity number, one {@code Achievement} of type {@code Course}
     * per course with the credits awarded, and the learner's {@code AchievementCredential}s as the JSON they were
     * signed as, so each validates against the Open Badges 3.0 schema and can be checked against its own JWT.
     */
    public String clrCredential(TranscriptClaim claim, List<String> achievementCredentials) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerUri(claim.issuerId()));
        issuer.put("type", List.of("Profile"));
        issuer.put("name", claim.issuerName());

        List<Map<String, Object>> achievements = new ArrayList<>();
        for (TranscriptClaim.Course course : claim.courses()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes((claim.issuerId() + "|course|" + course.code())
                    .getBytes(StandardCharsets.UTF_8)));
            a.put("type", List.of("Achievement"));
            a.put("achievementType", "Course");
            a.put("humanCode", course.code());
            a.put("name", course.name());
            a.put("description", (course.exempt() ? "学分转换并免修，依据：" : "学分转换，依据：") + course.basis());
            a.put("criteria", Map.of("narrative", "依据" + claim.issuerName() + "公布的学分转换规则认定。"));
            a.put("creditsAvailable", course.credits());
            a.put("inLanguage", "zh-CN");
            achievements.add(a);
        }
        List<Object> inner = new ArrayList<>();
        for (String credentialJson : achievementCredentials) {
            inner.add(json.readValue(credentialJson, Map.class));
        }

        SaltedDigest holderNumber = claim.holderIdentity();
        Map<String, Object> hashedNumber = new LinkedHashMap<>();
        hashedNumber.put("type", "IdentityObject");
        hashedNumber.put("identityHash", "sha256$" + holderNumber.sha256());
        hashedNumber.put("identityType", "nationalIdentityNumber");
        hashedNumber.put("hashed", true);
        hashedNumber.put("salt", holderNumber.salt());
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("type", "IdentityObject");
        name.put("identityHash", claim.holderName());
        name.put("identityType", "name");
        name.put("hashed", false);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("ClrSubject"));
        subject.put("identifier", List.of(name, hashedNumber));
        subject.put("achievement", achievements);
        subject.put("verifiableCredential", inner);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + claim.credentialId());
        credential.put("type", List.of("VerifiableCredential", "ClrCredential"));
        credential.put("name", claim.name());
        credential.put("issuer", issuer);
        credential.put("validFrom", timestamp(claim.validFrom()));
        credential.put("credentialSubject", subject);
        return json.writeValueAsString(credential);
    }

    /** The issuer's {@code BitstringStatusListCredential} (W3C Bitstring Status List v1.0). */
    public String statusListCredential(long issuerId, byte[] bits, Instant at) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", statusListUrl(issuerId) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", StatusLists.encode(bits));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT));
        credential.put("id", statusListUrl(issuerId));
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuerUri(issuerId));
        credential.put("validFrom", timestamp(at));
        credential.put("credentialSubject", subject);
        return json.writeValueAsString(credential);
    }

    /** Signs a credential: the compact JWS whose payload is the credential JSON itself. */
    public String sign(String credentialJson, SigningKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(VC_JWT).keyID(key.kid()).build();
        JWSObject jws = new JWSObject(header, new Payload(credentialJson));
        try {
            jws.sign(new ECDSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with " + key.kid(), e);
        }
        return jws.serialize();
    }

    /**
     * One achievement per issuer and name: the same certificate name issued twice by one institution is the same
     * Achievement, so wallets group them.
     */
    private static String achievementUri(AchievementClaim claim) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((claim.issuerId() + "|" + claim.achievementName() + "|"
                + claim.achievementType()).getBytes(StandardCharsets.UTF_8));
    }

    private static String criteria(AchievementClaim claim) {
        StringBuilder text = new StringBuilder(claim.achievementDescription());
        if (claim.skillLevel() != null) {
            text.append(" 职业技能等级：").append(LEVELS[claim.skillLevel() - 1]).append('。');
        }
        if (claim.hours() != null) {
            BigDecimal hours = claim.hours().stripTrailingZeros();
            text.append(" 培训学时：").append(hours.scale() < 0 ? hours.setScale(0) : hours).append(" 学时。");
        }
        return text.toString();
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
