package org.yuxun.subsidy.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;
import org.yuxun.subsidy.Payee;

/**
 * An HRSS authority's subsidy policies (seeds/002 L1249: the standard is set by city-level HRSS; DESIGN.md: policy
 * numbers are settings of a region). A policy is changed only by adding a version, which ends the version before
 * it the day before it starts, so a claim can always be judged by the version in force when its class started;
 * retiring ends the current version today. Rows are written within the officer's remit (row-level security).
 */
@Service
public class SubsidyPolicies {

    private static final String SELECT = "select * from subsidy_policy";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SubsidyPolicies(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The current (latest) version of each policy, searched by name. */
    @Transactional(readOnly = true)
    public Page<SubsidyPolicy> search(String q, int page, int size) {
        String like = q == null || q.isBlank() ? "%" : "%" + Text.normalise(q) + "%";
        String latest = """
                from subsidy_policy p
                where p.name like ? and p.version_no = (select max(v.version_no) from subsidy_policy v
                                                        where v.policy_key = p.policy_key)""";
        long total = jdbc.sql("select count(*) " + latest).param(like).query(Long.class).single();
        List<SubsidyPolicy> rows = jdbc.sql("select p.* " + latest + " order by p.valid_from desc, p.id desc"
                        + " limit ? offset ?")
                .params(like, size, (long) page * size).query(this::policy).list();
        return new Page<>(withAmounts(rows), page, size, total);
    }

    @Transactional(readOnly = true)
    public SubsidyPolicy get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::policy).optional()
                .map(p -> withAmounts(List.of(p)).getFirst())
                .orElseThrow(() -> new NotFound("SubsidyPolicy", id));
    }

    /** Every version of the policy, newest first. */
    @Transactional(readOnly = true)
    public List<SubsidyPolicy> versions(UUID key) {
        return withAmounts(jdbc.sql(SELECT + " where policy_key = ? order by version_no desc").param(key)
                .query(this::policy).list());
    }

    /**
     * The policy version that judges a class: in force on the day the class started, covering its region,
     * programme type, occupation and level; the one of the narrowest region first, then the newest.
     */
    @Transactional(readOnly = true)
    public Optional<SubsidyPolicy> forClass(String regionCode, String programmeType, String occupationCode,
                                            Integer skillLevel, LocalDate classStart) {
        List<SubsidyPolicy> candidates = jdbc.sql(SELECT + " " + """
                        where ? like region_prefix || '%' and valid_from <= ?
                           and (valid_until is null or valid_until >= ?)""")
                .params(regionCode, classStart, classStart).query(this::policy).list();
        return withAmounts(candidates).stream()
                .filter(p -> p.covers(regionCode, programmeType, occupationCode, skillLevel))
                .max(Comparator.<SubsidyPolicy>comparingInt(p -> p.regionPrefix().length())
                        .thenComparing(SubsidyPolicy::validFrom).thenComparingLong(SubsidyPolicy::id));
    }

    /** A new policy of the officer's authority for the region they govern. */
    @Transactional
    public SubsidyPolicy create(PolicyCommand command, long authorityId, String regionPrefix, Long userId) {
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw new InvalidInput("validUntil", "subsidy.policy.validUntil.beforeFrom", "截止日期不能早于生效日期");
        }
        long id = insert(UUID.randomUUID(), 1, command, authorityId, regionPrefix, userId);
        SubsidyPolicy created = get(id);
        audit.record("CREATE", "SubsidyPolicy", id, created.name() + " 第 1 版", null, created);
        return created;
    }

    /**
     * A new version of a policy, starting on its own validity date, which must be after the start of the latest
     * version: the latest version then ends the day before.
     */
    @Transactional
    public SubsidyPolicy newVersion(long id, PolicyCommand command, Long userId) {
        SubsidyPolicy base = get(id);
        SubsidyPolicy latest = versions(base.key()).getFirst();
        if (latest.retired()) {
            throw new InvalidInput(null, "subsidy.policy.retired", "该政策已停止执行，不能再发布新版本");
        }
        if (!command.validFrom().isAfter(latest.validFrom())) {
            throw new InvalidInput("validFrom", "subsidy.policy.version.validFrom",
                    "新版本的生效日期须晚于当前版本的生效日期（{0}）", latest.validFrom());
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw new InvalidInput("validUntil", "subsidy.policy.validUntil.beforeFrom", "截止日期不能早于生效日期");
        }
        int ended = jdbc.sql("""
                        update subsidy_policy set valid_until = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(command.validFrom().minusDays(1), latest.id(), latest.version()).update();
        if (ended == 0) {
            throw new InvalidInput(null, "subsidy.policy.stale", "该政策已被他人修改，请刷新后重试");
        }
        long created = insert(latest.key(), latest.versionNo() + 1, command, latest.authorityId(),
                latest.regionPrefix(), userId);
        SubsidyPolicy after = get(created);
        audit.record("NEW_VERSION", "SubsidyPolicy", created, after.name() + " 第 " + after.versionNo() + " 版",
                latest, after);
        return after;
    }

    /** Stops the policy: its current version ends today; classes that started before stay judged by it. */
    @Transactional
    public void retire(long id, int version, LocalDate today) {
        SubsidyPolicy p = get(id);
        int changed = jdbc.sql("""
                        update subsidy_policy
                        set status = 'RETIRED', retired_at = now(), version = version + 1,
                            valid_until = case when valid_until is null or valid_until > ? then greatest(?, valid_from - 1)
                                               else valid_until end
                        where id = ? and version = ? and status = 'ACTIVE'""")
                .params(today, today, id, version).update();
        if (changed == 0) {
            throw new InvalidInput(null, "subsidy.policy.stale", "该政策已被他人修改，请刷新后重试");
        }
        audit.record("RETIRE", "SubsidyPolicy", id, p.name(), p, get(id));
    }

    private long insert(UUID key, int versionNo, PolicyCommand c, long authorityId, String regionPrefix,
                        Long userId) {
        long id = jdbc.sql("""
                        insert into subsidy_policy (policy_key, version_no, authority_id, region_prefix, name,
                                                    programme_types, occupation_codes, skill_levels, priority_groups,
                                                    min_attendance, living_allowance, living_allowance_groups,
                                                    yearly_limit, once_per_occupation, payee, valid_from, valid_until,
                                                    created_by)
                        values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?::int[], ?::text[], ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(key, versionNo, authorityId, regionPrefix, c.name(), array(c.programmeTypes()),
                        array(c.occupationCodes()), array(c.skillLevels()), array(c.priorityGroups()),
                        c.minAttendance(), c.livingAllowance(), array(c.livingAllowanceGroups()), c.yearlyLimit(),
                        c.oncePerOccupation(), c.payee().name(), c.validFrom(), c.validUntil(), userId)
                .query(Long.class).single();
        c.amounts().forEach((level, amount) -> jdbc.sql("""
                        insert into subsidy_policy_amount (policy_id, skill_level, with_certificate,
                                                           without_certificate, region_prefix)
                        values (?, ?, ?, ?, ?)""")
                .params(id, level, amount.withCertificate(), amount.withoutCertificate(), regionPrefix).update());
        return id;
    }

    /** A PostgreSQL array literal of the values, each quoted (for {@code ?::text[]}, {@code ?::bigint[]} …). */
    static String array(List<?> values) {
        StringBuilder b = new StringBuilder("{");
        for (Object v : values) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private List<SubsidyPolicy> withAmounts(List<SubsidyPolicy> policies) {
        if (policies.isEmpty()) {
            return policies;
        }
        Map<Long, Map<Integer, SubsidyPolicy.Amount>> amounts = new LinkedHashMap<>();
        jdbc.sql("select * from subsidy_policy_amount where policy_id = any(?::bigint[]) order by skill_level")
                .param(array(policies.stream().map(SubsidyPolicy::id).toList()))
                .query((ResultSet rs) -> {
                    amounts.computeIfAbsent(rs.getLong("policy_id"), k -> new LinkedHashMap<>())
                            .put(rs.getInt("skill_level"), new SubsidyPolicy.Amount(
                                    rs.getBigDecimal("with_certificate"), rs.getBigDecimal("without_certificate")));
                });
        return policies.stream().map(p -> new SubsidyPolicy(p.id(), p.key(), p.versionNo(), p.authorityId(),
                p.regionPrefix(), p.name(), p.programmeTypes(), p.occupationCodes(), p.skillLevels(),
                p.priorityGroups(), p.minAttendance(), p.livingAllowance(), p.livingAllowanceGroups(),
                p.yearlyLimit(), p.oncePerOccupation(), p.payee(), p.validFrom(), p.validUntil(), p.status(),
                Map.copyOf(amounts.getOrDefault(p.id(), Map.of())), p.version())).toList();
    }

    private SubsidyPolicy policy(ResultSet rs, int n) throws SQLException {
        return new SubsidyPolicy(rs.getLong("id"), rs.getObject("policy_key", UUID.class), rs.getInt("version_no"),
                rs.getLong("authority_id"), rs.getString("region_prefix"), rs.getString("name"),
                strings(rs.getArray("programme_types")), strings(rs.getArray("occupation_codes")),
                ints(rs.getArray("skill_levels")), strings(rs.getArray("priority_groups")),
                rs.getBigDecimal("min_attendance"), rs.getBigDecimal("living_allowance"),
                strings(rs.getArray("living_allowance_groups")), rs.getInt("yearly_limit"),
                rs.getBoolean("once_per_occupation"), Payee.valueOf(rs.getString("payee")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("status"), Map.of(), rs.getInt("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of()
                : Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).intValue()).toList();
    }
}
