package org.yuxun.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.SupervisionPolicy.Supervisor;
import org.yuxun.organization.internal.Checks;
import org.yuxun.organization.internal.DatabaseRefusal;
import org.yuxun.organization.internal.InstitutionStore;
import org.yuxun.organization.internal.Like;
import org.yuxun.organization.internal.Where;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Masking;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.RegionCode;
import org.yuxun.shared.database.ScopedDataSource;

/**
 * Institutions of every kind: 职业院校, 技工院校, training providers and evaluation organisations. Education and
 * HRSS officers register and maintain the institutions in their remit; an institution's own staff keep its
 * contact details current, while its kind, region, supervising authority and evaluator registration stay the
 * authority's, since they decide who supervises it. Which rows a caller reaches is row-level security's
 * business; this class never filters by scope.
 */
@Service
public class InstitutionManagement {

    /** An institution as pages and the API show it. */
    public record InstitutionView(long id, String name, String shortName, InstitutionKind kind, String creditCode,
                                  String regionCode, String regionName, Long supervisingAuthorityId,
                                  String supervisingAuthorityName, String address, String contactName,
                                  String contactPhone, boolean registeredEvaluator, boolean active, int version) {

        /** The snapshot the audit trail keeps: the contact's phone number masked. */
        public InstitutionView masked() {
            return new InstitutionView(id, name, shortName, kind, creditCode, regionCode, regionName,
                    supervisingAuthorityId, supervisingAuthorityName, address, contactName,
                    Masking.maskPhone(contactPhone), registeredEvaluator, active, version);
        }
    }

    /**
     * What a user submits to register or edit an institution. On an edit by the institution's own staff, the
     * authority's fields ({@code kind}, {@code regionCode}, {@code supervisingAuthorityId},
     * {@code registeredEvaluator}) may be left null to keep them; {@code version} guards against concurrent
     * edits and may be null to edit whatever is current.
     */
    public record InstitutionCommand(String name, String shortName, InstitutionKind kind, String creditCode,
                                     String regionCode, Long supervisingAuthorityId, String address,
                                     String contactName, String contactPhone, Boolean registeredEvaluator,
                                     Integer version) {
    }

    /**
     * Search criteria, every part optional.
     *
     * @param text part of the name or short name, a credit code, a region code prefix or part of a region name
     * @param regionPrefix GB/T 2260 prefix of a region subtree ({@link RegionCode#subtreePrefix()})
     */
    public record InstitutionFilter(String text, InstitutionKind kind, String regionPrefix, Boolean active) {

        public static final InstitutionFilter ALL = new InstitutionFilter(null, null, null, null);
    }

    /** An authority that may be chosen to supervise an institution of a kind in a region. */
    public record AuthorityOption(long id, String name, AuthorityKind kind, AuthorityLevel level,
                                  boolean active) {
    }

    private static final String SELECT = """
            select i.id, i.name, i.short_name, i.kind, i.credit_code, i.region_code, i.supervising_authority_id,
                   a.name as authority_name, i.address, i.contact_name, i.contact_phone, i.registered_evaluator,
                   i.active, i.version
            from institution i left join authority a on a.id = i.supervising_authority_id""";
    private static final String OUTSIDE_REMIT_CODE = "institution.outsideRemit";
    private static final String OUTSIDE_REMIT = "所选地区或机构类型不在您的管辖范围内";

    private final InstitutionStore store;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final AuditLog audit;

    InstitutionManagement(InstitutionStore store, Regions regions, JdbcClient jdbc, DataSource dataSource,
                          AuditLog audit) {
        this.store = store;
        this.regions = regions;
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = JdbcClient.create(cursor);
        this.audit = audit;
    }

    public Page<InstitutionView> search(InstitutionFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from institution i" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<InstitutionView> rows = jdbc.sql(SELECT + where.sql() + " order by i.region_code, i.name, i.id"
                        + " limit ? offset ?")
                .params(where.params(page, size))
                .query(this::view)
                .list();
        return new Page<>(rows, page, size, total);
    }

    /** Every institution the filter matches, in list order, read with a cursor: for exports of any size. */
    @Transactional(readOnly = true)
    public void each(InstitutionFilter filter, Consumer<InstitutionView> action) {
        Where where = where(filter);
        try (Stream<InstitutionView> rows = streaming.sql(SELECT + where.sql() + " order by i.region_code, i.name, i.id")
                .params(where.params()).query(this::view).stream()) {
            rows.forEach(action);
        }
    }

    public InstitutionView get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Institution", id));
    }

    public Optional<InstitutionView> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::view).optional();
    }

    /**
     * Registers an institution. An officer may register only within the remit: the database refuses a kind or
     * region outside it, which is reported at the region field.
     */
    @Transactional
    public long create(InstitutionCommand command) {
        InstitutionStore.Details details = validate(command, null);
        long id;
        try {
            id = store.insert(details);
        } catch (DataAccessException e) {
            throw translate(e);
        }
        InstitutionView created = get(id);
        audit.record("CREATE", "Institution", id, created.name(), null, created.masked());
        return id;
    }

    @Transactional
    public void edit(long id, InstitutionCommand command) {
        InstitutionView before = get(id);
        InstitutionStore.Details details = validate(command, before);
        try {
            store.update(id, details, command.version() == null ? before.version() : command.version());
        } catch (DataAccessException e) {
            throw translate(e);
        }
        InstitutionView after = get(id);
        audit.record("UPDATE", "Institution", id, after.name(), before.masked(), after.masked());
    }

    /** Deactivates (or reactivates) an institution; it stays listed and its history stays intact. */
    @Transactional
    public void setActive(long id, boolean active, int version) {
        InstitutionView before = get(id);
        store.setActive(id, active, version);
        InstitutionView after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "Institution", id, before.name(), before.masked(),
                after.masked());
    }

    /**
     * The authorities that may supervise an institution of this kind in this region, the most local first; the
     * current one is included even when it has been deactivated since.
     */
    public List<AuthorityOption> supervisorsFor(InstitutionKind kind, String regionCode, Long currentId) {
        if (kind == null || !RegionCode.isValid(regionCode)) {
            return currentId == null ? List.of() : jdbc.sql(
                            "select id, name, kind, level, active from authority where id = ?")
                    .param(currentId).query(AuthorityOption.class).list();
        }
        List<Object> params = new ArrayList<>();
        params.add(kind.supervisedBy().name());
        params.addAll(regionAndAncestors(RegionCode.of(regionCode)));
        params.add(currentId == null ? -1L : currentId);
        String placeholders = String.join(", ", Collections.nCopies(params.size() - 2, "?"));
        return jdbc.sql("""
                        select id, name, kind, level, active from authority
                        where (active and kind = ? and (region_code is null or region_code in (%s))) or id = ?
                        order by case level when 'COUNTY' then 0 when 'CITY' then 1 when 'PROVINCE' then 2 else 3 end,
                                 name""".formatted(placeholders))
                .params(params)
                .query(AuthorityOption.class)
                .list();
    }

    /** The region, its city and its province: the regions whose authorities govern it. */
    private static List<String> regionAndAncestors(RegionCode region) {
        List<String> codes = new ArrayList<>();
        codes.add(region.value());
        region.cityCode().map(RegionCode::value).filter(city -> !codes.contains(city)).ifPresent(codes::add);
        String province = region.provinceCode().value();
        if (!codes.contains(province)) {
            codes.add(province);
        }
        return codes;
    }

    /**
     * Whether the signed-in user is the staff of an institution, who keep their own institution's details but
     * not the fields that are the authority's.
     */
    public static boolean callerIsInstitutionStaff() {
        DataScope.Kind kind = ScopedDataSource.currentScope().kind();
        return kind == DataScope.Kind.INSTITUTION || kind == DataScope.Kind.TEACHER;
    }

    private InstitutionStore.Details validate(InstitutionCommand command, InstitutionView before) {
        Checks checks = new Checks();
        String name = checks.text("name", command.name(), 100, true);
        String shortName = checks.text("shortName", command.shortName(), 40, false);
        String creditCode = checks.creditCode("creditCode", command.creditCode(), false);
        String address = checks.text("address", command.address(), 200, false);
        String contactName = checks.text("contactName", command.contactName(), 50, false);
        String contactPhone = checks.phone("contactPhone", command.contactPhone());

        boolean staff = before != null && callerIsInstitutionStaff();
        InstitutionKind kind;
        String regionCode;
        Long authorityId;
        boolean evaluator;
        if (staff) {
            kind = authorityOwned(checks, "kind", command.kind(), before.kind());
            regionCode = authorityOwned(checks, "regionCode", blankToNull(command.regionCode()),
                    before.regionCode());
            authorityId = authorityOwned(checks, SupervisionPolicy.FIELD, command.supervisingAuthorityId(),
                    before.supervisingAuthorityId());
            evaluator = authorityOwned(checks, "registeredEvaluator", command.registeredEvaluator(),
                    before.registeredEvaluator());
        } else {
            kind = checks.present("kind", command.kind());
            RegionCode region = checks.check(() -> regions.require("regionCode", command.regionCode()));
            regionCode = region == null ? null : region.value();
            authorityId = checks.present(SupervisionPolicy.FIELD, command.supervisingAuthorityId());
            evaluator = Boolean.TRUE.equals(command.registeredEvaluator());
            if (kind != null && region != null && authorityId != null) {
                Long current = before == null ? null : before.supervisingAuthorityId();
                checks.check(() -> {
                    SupervisionPolicy.check(kind, region, supervisor(authorityId),
                            !Objects.equals(authorityId, current));
                    return null;
                });
            }
        }
        checks.done();
        return new InstitutionStore.Details(name, shortName, kind, creditCode, regionCode, authorityId, address,
                contactName, contactPhone, evaluator);
    }

    /** Staff may resubmit the authority's value or leave it out, but not change it. */
    private static <T> T authorityOwned(Checks checks, String field, T submitted, T current) {
        if (submitted != null && !submitted.equals(current)) {
            checks.refuse(field, "institution.authorityField", "此项由主管部门维护，院校不能修改");
        }
        return current;
    }

    private Supervisor supervisor(long id) {
        return jdbc.sql("select id, kind, region_code, active from authority where id = ?")
                .param(id)
                .query((rs, n) -> new Supervisor(rs.getLong("id"), AuthorityKind.valueOf(rs.getString("kind")),
                        rs.getString("region_code"), rs.getBoolean("active")))
                .optional()
                .orElseThrow(() -> new InvalidInput(SupervisionPolicy.FIELD, "institution.authority.unknown",
                        "主管部门不存在"));
    }

    private static RuntimeException translate(DataAccessException e) {
        if (DatabaseRefusal.outsideScope(e)) {
            return new InvalidInput("regionCode", OUTSIDE_REMIT_CODE, OUTSIDE_REMIT);
        }
        return DatabaseRefusal.uniqueConstraint(e)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "institution_name_key" ->
                            new InvalidInput("name", "institution.name.duplicate", "已有同名的机构");
                    case "institution_credit_code_key" -> new InvalidInput("creditCode",
                            "institution.creditCode.duplicate", "该统一社会信用代码已被其他机构使用");
                    default -> e;
                })
                .orElse(e);
    }

    private Where where(InstitutionFilter filter) {
        Where where = new Where();
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().trim();
            where.and("""
                            i.name ilike ? or i.short_name ilike ? or i.credit_code = upper(?) or i.region_code like ?
                            or i.region_code in (select c.code from region c
                                                 left join region p on p.code = c.parent_code
                                                 left join region g on g.code = p.parent_code
                                                 where concat_ws(' ', g.name, p.name, c.name) like ?)""",
                    Like.contains(text), Like.contains(text), text, Like.startsWith(text), Like.contains(text));
        }
        if (filter.kind() != null) {
            where.and("i.kind = ?", filter.kind().name());
        }
        if (filter.regionPrefix() != null && !filter.regionPrefix().isBlank()) {
            where.and("i.region_code like ?", Like.startsWith(filter.regionPrefix()));
        }
        if (filter.active() != null) {
            where.and("i.active = ?", filter.active());
        }
        return where;
    }

    private InstitutionView view(ResultSet rs, int row) throws SQLException {
        String region = rs.getString("region_code");
        return new InstitutionView(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
                InstitutionKind.valueOf(rs.getString("kind")), rs.getString("credit_code"), region,
                regions.fullName(region), rs.getObject("supervising_authority_id", Long.class),
                rs.getString("authority_name"), rs.getString("address"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getBoolean("registered_evaluator"), rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
