package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.yuxun.subsidy.Payee;

/**
 * One version of an HRSS authority's subsidy policy for its region (seeds/001 §二(九); seeds/002 L1249: standards
 * are set by city-level HRSS). Empty lists of programme types, occupations, levels or groups mean "any".
 *
 * @param amounts per skill level (0 for a programme without a level): the amount with and without a certificate
 * @param livingAllowance 生活费补贴 per person for learners of {@code livingAllowanceGroups}
 * @param yearlyLimit how many subsidised trainings one person may have in a year in the policy's region
 * @param oncePerOccupation the same occupation and level is subsidised only once per person
 */
public record SubsidyPolicy(long id, UUID key, int versionNo, long authorityId, String regionPrefix, String name,
                            List<String> programmeTypes, List<String> occupationCodes, List<Integer> skillLevels,
                            List<String> priorityGroups, BigDecimal minAttendance, BigDecimal livingAllowance,
                            List<String> livingAllowanceGroups, int yearlyLimit, boolean oncePerOccupation,
                            Payee payee, LocalDate validFrom, LocalDate validUntil, String status,
                            Map<Integer, Amount> amounts, int version) {

    /** The amount per person for one level. */
    public record Amount(BigDecimal withCertificate, BigDecimal withoutCertificate) {
    }

    public boolean retired() {
        return "RETIRED".equals(status);
    }

    /** Whether this version is in force on the day (its validity dates include it). */
    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }

    /** Whether a class of this programme type, occupation and level in this region qualifies. */
    public boolean covers(String regionCode, String programmeType, String occupationCode, Integer skillLevel) {
        return regionCode.startsWith(regionPrefix)
                && (programmeTypes.isEmpty() || programmeTypes.contains(programmeType))
                && (occupationCodes.isEmpty() || (occupationCode != null && occupationCodes.contains(occupationCode)))
                && (skillLevels.isEmpty() || skillLevels.contains(skillLevel == null ? 0 : skillLevel));
    }

    public Optional<Amount> amountFor(Integer skillLevel) {
        return Optional.ofNullable(amounts.get(skillLevel == null ? 0 : skillLevel));
    }
}
