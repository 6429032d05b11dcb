package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.yuxun.subsidy.Payee;

/** A policy version as entered, already checked by the form; {@link SubsidyPolicies} checks dates against versions. */
public record PolicyCommand(String name, List<String> programmeTypes, List<String> occupationCodes,
                            List<Integer> skillLevels, List<String> priorityGroups, BigDecimal minAttendance,
                            BigDecimal livingAllowance, List<String> livingAllowanceGroups, int yearlyLimit,
                            boolean oncePerOccupation, Payee payee, LocalDate validFrom, LocalDate validUntil,
                            Map<Integer, SubsidyPolicy.Amount> amounts) {
}
