package org.yuxun.subsidy.internal;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.certification.SkillLevel;
import org.yuxun.shared.DataScope;

/**
 * The checks of a claim that must look at every institution's claims in the policy's region (DESIGN.md, "Data
 * scope, precisely"): the same person already subsidised (or claimed and under review) for the same occupation and
 * level, and how many subsidised trainings they had in the year. They run in system scope, once for all learners
 * of a claim (one indexed probe per learner), and return only the finding — the year, whether it was this or
 * another institution — never the other institution's records.
 */
@Component
public class SubsidyChecks {

    private final JdbcClient jdbc;

    SubsidyChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each person already subsidised or claimed for the occupation and level in the region (outside the given
     * claim), the finding in words.
     */
    public Map<Long, String> previousSubsidies(Collection<Long> persons, String occupationCode,
                                               String occupationName, Integer skillLevel, String regionPrefix,
                                               long claimId, long institutionId) {
        Map<Long, String> found = new HashMap<>();
        if (persons.isEmpty() || occupationCode == null) {
            return found;
        }
        String what = (occupationName == null ? occupationCode : occupationName)
                + (skillLevel == null ? "" : " " + SkillLevel.name(skillLevel));
        DataScope.asSystem(() -> jdbc.sql("""
                        select k.person_id, l.claim_year, l.status, l.institution_id = ? as same_institution
                        from unnest(?::bigint[]) as k(person_id)
                        join lateral (select claim_year, status, institution_id from subsidy_claim_line l
                                      where l.person_id = k.person_id and l.occupation_code = ?
                                        and l.skill_level = ? and l.status in ('PENDING', 'APPROVED', 'PAID')
                                        and l.region_code like ? and l.claim_id <> ?
                                      order by (l.status = 'PENDING'), l.claim_year limit 1) l on true""")
                .params(institutionId, SubsidyPolicies.array(persons.stream().toList()), occupationCode,
                        skillLevel == null ? 0 : skillLevel, regionPrefix + "%", claimId)
                .query((ResultSet rs) -> {
                    String where = rs.getBoolean("same_institution") ? "本机构" : "其他机构";
                    String finding = "PENDING".equals(rs.getString("status"))
                            ? "已在" + where + "申领 " + rs.getInt("claim_year") + " 年「" + what + "」培训补贴，正在审核；"
                                    + "同一职业同一等级只补贴一次"
                            : "已于 " + rs.getInt("claim_year") + " 年在" + where + "享受「" + what + "」培训补贴；"
                                    + "同一职业同一等级只补贴一次";
                    found.put(rs.getLong("person_id"), finding);
                }));
        return found;
    }

    /** For each person, how many other claims in the region subsidise (or claim for) them in the year. */
    public Map<Long, Integer> subsidiesInYear(Collection<Long> persons, int year, String regionPrefix, long claimId) {
        Map<Long, Integer> counts = new HashMap<>();
        if (persons.isEmpty()) {
            return counts;
        }
        DataScope.asSystem(() -> jdbc.sql("""
                        select person_id, count(distinct claim_id) from subsidy_claim_line
                        where person_id = any(?::bigint[]) and claim_year = ?
                          and status in ('PENDING', 'APPROVED', 'PAID') and region_code like ? and claim_id <> ?
                        group by person_id""")
                .params(SubsidyPolicies.array(persons.stream().toList()), year, regionPrefix + "%", claimId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }));
        return counts;
    }
}
