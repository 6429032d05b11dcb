package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy totals by region (city), programme, priority group or period, over what the caller's scope reaches
 * (seeds/001 §三(二): statistics by trainee group), in two parts shown side by side:
 * <ul>
 *   <li>claims — the approved and paid lines; requested amounts are the eligible lines as claimed, approved includes
 *   paid; the period is the month the class ended and the year the year the class started (the claim year);</li>
 *   <li>enterprise apprenticeships (seeds/002 L1249) — the advances, balances and reclaims (应退回) recorded for the
 *   enterprise, by the enterprise's city, the programme and the month and year of the payment; apprentices belong
 *   to no priority group, so by group they form a row of their own ({@link #APPRENTICE_GROUP}).</li>
 * </ul>
 */
@Service
public class SubsidyTotals {

    /** Zero as amounts are shown, with two decimals. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    /** The group key apprenticeship payments are totalled under. */
    public static final String APPRENTICE_GROUP = "APPRENTICE";

    public enum Dimension { REGION, PROGRAMME, GROUP, PERIOD }

    /**
     * One row: the group's key (a region code, programme name, priority-group code or yyyy-MM), the claims' sums
     * and the apprenticeship payments' sums (apprentices counted with their filing's advance).
     */
    public record Row(String key, long persons, BigDecimal requested, BigDecimal approved, BigDecimal livingAllowance,
                      BigDecimal paid, long apprentices, BigDecimal advance, BigDecimal balance,
                      BigDecimal reclaimed) {

        static Row claims(String key, long persons, BigDecimal requested, BigDecimal approved, BigDecimal living,
                          BigDecimal paid) {
            return new Row(key, persons, requested, approved, living, paid, 0, ZERO, ZERO, ZERO);
        }

        /** What the apprenticeships cost in the end: advances and balances less what is to be returned. */
        public BigDecimal apprenticeshipNet() {
            return advance.add(balance).subtract(reclaimed);
        }

        /** Paid on claims and, net of reclaims, on apprenticeships. */
        public BigDecimal paidTotal() {
            return paid.add(apprenticeshipNet());
        }

        public Row plus(Row o) {
            return new Row(key, persons + o.persons, requested.add(o.requested), approved.add(o.approved),
                    livingAllowance.add(o.livingAllowance), paid.add(o.paid), apprentices + o.apprentices,
                    advance.add(o.advance), balance.add(o.balance), reclaimed.add(o.reclaimed));
        }

        public Row withKey(String k) {
            return new Row(k, persons, requested, approved, livingAllowance, paid, apprentices, advance, balance,
                    reclaimed);
        }
    }

    private final JdbcClient jdbc;

    SubsidyTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims and, when asked (the caller may see apprenticeship filings), apprenticeship payments, merged by key.
     */
    @Transactional(readOnly = true)
    public List<Row> by(Dimension dimension, Integer year, boolean apprenticeships) {
        Map<String, Row> rows = new TreeMap<>();
        for (Row r : claims(dimension, year)) {
            rows.merge(r.key(), r, Row::plus);
        }
        if (apprenticeships) {
            for (Row r : apprenticeships(dimension, year)) {
                rows.merge(r.key(), r, Row::plus);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private List<Row> claims(Dimension dimension, Integer year) {
        String key = switch (dimension) {
            case REGION -> "substr(c.region_code, 1, 4) || '00'";
            case PROGRAMME -> "c.programme_name";
            case GROUP -> "coalesce(l.priority_group, 'NONE')";
            case PERIOD -> "to_char(c.class_end, 'YYYY-MM')";
        };
        return jdbc.sql("select " + key + " as k," + """
                         count(distinct l.person_id) filter (where l.status in ('APPROVED', 'PAID')) as persons,
                         coalesce(sum(l.amount + l.living_allowance) filter (where l.eligible), 0.00) as requested,
                         coalesce(sum(l.amount + l.living_allowance)
                                  filter (where l.status in ('APPROVED', 'PAID')), 0.00) as approved,
                         coalesce(sum(l.living_allowance) filter (where l.status in ('APPROVED', 'PAID')), 0.00)
                             as living,
                         coalesce(sum(l.amount + l.living_allowance) filter (where l.status = 'PAID'), 0.00) as paid
                        from subsidy_claim_line l join subsidy_claim c on c.id = l.claim_id
                        where c.status <> 'DRAFT' and (cast(? as int) is null or l.claim_year = ?)
                        group by 1 order by 1""")
                .params(year, year)
                .query((rs, n) -> Row.claims(rs.getString("k"), rs.getLong("persons"), rs.getBigDecimal("requested"),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("living"), rs.getBigDecimal("paid")))
                .list();
    }

    private List<Row> apprenticeships(Dimension dimension, Integer year) {
        String key = switch (dimension) {
            case REGION -> "substr(a.region_code, 1, 4) || '00'";
            case PROGRAMME -> "a.programme_name";
            case GROUP -> "'" + APPRENTICE_GROUP + "'";
            case PERIOD -> "to_char(d.paid_on, 'YYYY-MM')";
        };
        return jdbc.sql("select " + key + " as k," + """
                         coalesce(sum((select count(*) from subsidy_apprentice p where p.apprenticeship_id = a.id))
                                  filter (where d.kind = 'APPRENTICESHIP_ADVANCE'), 0) as apprentices,
                         coalesce(sum(d.amount) filter (where d.kind = 'APPRENTICESHIP_ADVANCE'), 0.00) as advance,
                         coalesce(sum(d.amount) filter (where d.kind = 'APPRENTICESHIP_BALANCE'), 0.00) as balance,
                         coalesce(sum(d.amount) filter (where d.kind = 'APPRENTICESHIP_RECLAIM'), 0.00) as reclaimed
                        from subsidy_disbursement d join subsidy_apprenticeship a on a.id = d.apprenticeship_id
                        where d.kind <> 'CLAIM_LINE'
                          and (cast(? as int) is null or extract(year from d.paid_on) = ?)
                        group by 1 order by 1""")
                .params(year, year)
                .query((rs, n) -> new Row(rs.getString("k"), 0, ZERO, ZERO, ZERO, ZERO, rs.getLong("apprentices"), rs.getBigDecimal("advance"),
                        rs.getBigDecimal("balance"), rs.getBigDecimal("reclaimed")))
                .list();
    }
}
