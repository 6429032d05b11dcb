package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy totals by region (city), programme, priority group or period (month the class ended), over the approved
 * and paid lines the caller's scope reaches (seeds/001 §三(二): statistics by trainee group). Requested amounts are
 * the eligible lines as claimed; approved includes paid.
 */
@Service
public class SubsidyTotals {

    public enum Dimension { REGION, PROGRAMME, GROUP, PERIOD }

    /** One row: the group's key (a region code, programme name, priority-group code or yyyy-MM) and its sums. */
    public record Row(String key, long persons, BigDecimal requested, BigDecimal approved, BigDecimal livingAllowance,
                      BigDecimal paid) {
    }

    private final JdbcClient jdbc;

    SubsidyTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Row> by(Dimension dimension, Integer year) {
        String key = switch (dimension) {
            case REGION -> "substr(c.region_code, 1, 4) || '00'";
            case PROGRAMME -> "c.programme_name";
            case GROUP -> "coalesce(l.priority_group, 'NONE')";
            case PERIOD -> "to_char(c.class_end, 'YYYY-MM')";
        };
        return jdbc.sql("select " + key + " as k," + """
                         count(distinct l.person_id) filter (where l.status in ('APPROVED', 'PAID')) as persons,
                         coalesce(sum(l.amount + l.living_allowance) filter (where l.eligible), 0) as requested,
                         coalesce(sum(l.amount + l.living_allowance)
                                  filter (where l.status in ('APPROVED', 'PAID')), 0) as approved,
                         coalesce(sum(l.living_allowance) filter (where l.status in ('APPROVED', 'PAID')), 0) as living,
                         coalesce(sum(l.amount + l.living_allowance) filter (where l.status = 'PAID'), 0) as paid
                        from subsidy_claim_line l join subsidy_claim c on c.id = l.claim_id
                        where c.status <> 'DRAFT' and (cast(? as int) is null or l.claim_year = ?)
                        group by 1 order by 1""")
                .params(year, year)
                .query((rs, n) -> new Row(rs.getString("k"), rs.getLong("persons"), rs.getBigDecimal("requested"),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("living"), rs.getBigDecimal("paid")))
                .list();
    }
}
