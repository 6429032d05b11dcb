package org.yuxun.credentials;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.yuxun.shared.SaltedDigest;

/**
 * What a credit transcript asserts (DESIGN.md, "Credential format": a CLR 2.0-shaped {@code ClrCredential} whose
 * subject holds the learner's {@code AchievementCredential}s); the credit bank hands it over when a learner asks
 * for the signed transcript of an institution.
 *
 * @param credentialId the transcript's id; the credential id is {@code urn:uuid:<credentialId>}
 * @param issuerId the institution that awarded the credits and signs the transcript
 * @param issuerName its name
 * @param holderName the learner's real name
 * @param holderIdentity the salted SHA-256 of the holder's identity/document number, which the transcript carries
 *                       instead of the number
 * @param name e.g. 学分转换成绩单
 * @param courses the credits awarded, one per course
 * @param achievementCredentialIds the ids of the learner's signed AchievementCredentials the credits rest on
 * @param validFrom when the transcript was made
 */
public record TranscriptClaim(UUID credentialId, long issuerId, String issuerName, String holderName,
                              SaltedDigest holderIdentity, String name, List<Course> courses,
                              List<UUID> achievementCredentialIds, Instant validFrom) {

    /**
     * A course's credits: {@code basis} names the outcome they were converted from.
     *
     * @param exempt whether the course is exempted (免修)
     */
    public record Course(String code, String name, BigDecimal credits, boolean exempt, String basis) {
    }

    public TranscriptClaim {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(holderIdentity, "holderIdentity");
        courses = List.copyOf(courses);
        achievementCredentialIds = List.copyOf(achievementCredentialIds);
    }
}
