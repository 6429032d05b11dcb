package org.yuxun.credentials;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.yuxun.shared.SaltedDigest;

/**
 * What a certificate asserts; the certification module hands it over when it issues a certificate.
 *
 * @param credentialId the certificate's public identifier; the credential id is {@code urn:uuid:<credentialId>}
 * @param issuerId id of the issuing institution (organization module; may be an evaluation organisation)
 * @param issuerName e.g. 浙江育训职业技术学院
 * @param holderName the holder's real name
 * @param holderIdentity the salted SHA-256 of the holder's identity/document number, which the credential carries
 *     instead of the number; the people register gives it without revealing the number
 * @param achievementName e.g. 工业机器人系统运维员（四级）
 * @param achievementDescription one sentence, Chinese
 * @param achievementType Open Badges 3.0 {@code achievementType} vocabulary, e.g. {@code Certificate} or
 *     {@code License}, or an extension {@code ext:…}
 * @param certificateNumber the certificate number printed on the PDF
 * @param hours training hours, nullable
 * @param skillLevel 1–5 (一级…五级), nullable
 * @param validFrom when the certificate takes effect
 * @param validUntil when it lapses, nullable
 */
public record AchievementClaim(
        UUID credentialId,
        long issuerId,
        String issuerName,
        String holderName,
        SaltedDigest holderIdentity,
        String achievementName,
        String achievementDescription,
        String achievementType,
        String certificateNumber,
        BigDecimal hours,
        Integer skillLevel,
        Instant validFrom,
        Instant validUntil) {

    /** The closed list of OB 3.0 {@code AchievementType} values; anything else must be an {@code ext:} term. */
    private static final Pattern ACHIEVEMENT_TYPE = Pattern.compile("Achievement|ApprenticeshipCertificate"
            + "|Assessment|Assignment|AssociateDegree|Award|Badge|BachelorDegree|Certificate"
            + "|CertificateOfCompletion|Certification|CommunityService|Competency|Course|CoCurricular|Degree"
            + "|Diploma|DoctoralDegree|Fieldwork|GeneralEducationDevelopment|JourneymanCertificate"
            + "|LearningProgram|License|Membership|ProfessionalDoctorate|QualityAssuranceCredential"
            + "|MasterCertificate|MasterDegree|MicroCredential|ResearchDoctorate|SecondarySchoolDiploma"
            + "|ext:[A-Za-z0-9.\\-_]+");

    /** A claim that would make a credential failing the OB 3.0 schema is a programming error of the caller. */
    public AchievementClaim {
        Objects.requireNonNull(credentialId, "credentialId");
        requireText(issuerName, "issuerName");
        requireText(holderName, "holderName");
        Objects.requireNonNull(holderIdentity, "holderIdentity");
        requireText(achievementName, "achievementName");
        requireText(achievementDescription, "achievementDescription");
        requireText(certificateNumber, "certificateNumber");
        Objects.requireNonNull(validFrom, "validFrom");
        if (achievementType == null || !ACHIEVEMENT_TYPE.matcher(achievementType).matches()) {
            throw new IllegalArgumentException("achievementType is not in the Open Badges 3.0 vocabulary: "
                    + achievementType);
        }
        if (skillLevel != null && (skillLevel < 1 || skillLevel > 5)) {
            throw new IllegalArgumentException("skillLevel must be 1–5: " + skillLevel);
        }
        if (hours != null && hours.signum() < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must lie after validFrom");
        }
    }

    /**
     * A claim for a holder whose number the caller holds in clear (a test, an import): it is hashed here under a
     * fresh salt and not kept.
     */
    public AchievementClaim(UUID credentialId, long issuerId, String issuerName, String holderName,
                            String holderIdentityNumber, String achievementName, String achievementDescription,
                            String achievementType, String certificateNumber, BigDecimal hours, Integer skillLevel,
                            Instant validFrom, Instant validUntil) {
        this(credentialId, issuerId, issuerName, holderName, digest(holderIdentityNumber), achievementName,
                achievementDescription, achievementType, certificateNumber, hours, skillLevel, validFrom, validUntil);
    }

    private static SaltedDigest digest(String number) {
        requireText(number, "holderIdentityNumber");
        return SaltedDigest.of(number);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Never prints the identity number, so a claim in a log or an exception reveals nothing. */
    @Override
    public String toString() {
        return "AchievementClaim[credentialId=" + credentialId + ", issuerId=" + issuerId + ", achievementName="
                + achievementName + ", certificateNumber=" + certificateNumber + "]";
    }
}
