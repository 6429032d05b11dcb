package org.yuxun.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.yuxun.organization.internal.Checks;
import org.yuxun.organization.internal.DatabaseRefusal;
import org.yuxun.organization.internal.EnterpriseStore;
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
 * Enterprises, identified by their 统一社会信用代码 (GB 32100). An enterprise record is shared: an institution sees
 * it only through its own partnership (enterprise_partner), as it sees a person only through its own
 * relationship, so registering a code that is already on file links the institution to that enterprise and
 * reveals nothing another institution knows. Enterprise HR keep their own enterprise; authority officers read
 * the enterprises of their region.
 */
@Service
public class EnterpriseManagement {

    /** A GB/T 4754-2017 section (门类), the industry level statistics are broken down by. */
    public record Industry(String code, String name, String nameEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : name;
        }
    }

    /** An enterprise as pages and the API show it. */
    public record EnterpriseView(long id, String name, String creditCode, String regionCode, String regionName,
                                 Industry industry, EnterpriseSize size, boolean industryEducationCertified,
                                 String address, String contactName, String contactPhone, boolean active,
                                 int version) {

        /** The snapshot the audit trail keeps: the contact's phone number masked. */
        public EnterpriseView masked() {
            return new EnterpriseView(id, name, creditCode, regionCode, regionName, industry, size,
                    industryEducationCertified, address, contactName, Masking.maskPhone(contactPhone), active,
                    version);
        }
    }

    /**
     * What a user submits to register or edit an enterprise. {@code creditCode} and
     * {@code industryEducationCertified} may be left null on an edit to keep them; {@code version} guards against
     * concurrent edits and may be null to edit whatever is current.
     */
    public record EnterpriseCommand(String name, String creditCode, String regionCode, String industryCode,
                                    EnterpriseSize size, Boolean industryEducationCertified, String address,
                                    String contactName, String contactPhone, Integer version) {
    }

    /**
     * Search criteria, every part optional.
     *
     * @param text part of the name, a credit code, a region code prefix or part of a region name
     * @param regionPrefix GB/T 2260 prefix of a region subtree
     * @param certified the 产教融合型企业 flag
     * @param partnerOf only the partners of this institution
     */
    public record EnterpriseFilter(String text, String regionPrefix, String industryCode, EnterpriseSize size,
                                   Boolean certified, Boolean active, Long partnerOf) {

        public static EnterpriseFilter partnersOf(long institutionId) {
            return new EnterpriseFilter(null, null, null, null, null, null, institutionId);
        }
    }

    /**
     * The outcome of registering by credit code.
     *
     * @param existing the code was already on file and the caller's institution was linked to that enterprise
     */
    public record Registration(long id, boolean existing) {
    }

    /**
     * An institution the enterprise works with. {@code visible} says whether the caller may open the institution;
     * enterprise HR see their partners' names only.
     */
    public record PartnerInstitution(long id, String name, InstitutionKind kind, String regionName,
                                     boolean visible) {
    }

    private static final String SELECT = """
            select e.id, e.name, e.credit_code, e.region_code, e.industry_code, n.name as industry_name,
                   n.name_en as industry_name_en, e.size, e.industry_education_certified, e.address, e.contact_name,
                   e.contact_phone, e.active, e.version
            from enterprise e left join industry n on n.code = e.industry_code""";
    private static final String ORDER = " order by e.region_code, e.name, e.id";

    private final EnterpriseStore store;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final AuditLog audit;

    EnterpriseManagement(EnterpriseStore store, Regions regions, JdbcClient jdbc, DataSource dataSource,
                         AuditLog audit) {
        this.store = store;
        this.regions = regions;
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = JdbcClient.create(cursor);
        this.audit = audit;
    }

    public List<Industry> industries() {
        return jdbc.sql("select code, name, name_en from industry order by code").query(Industry.class).list();
    }

    public Page<EnterpriseView> search(EnterpriseFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from enterprise e" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<EnterpriseView> rows = jdbc.sql(SELECT + where.sql() + ORDER + " limit ? offset ?")
                .params(where.params(page, size))
                .query(this::view)
                .list();
        return new Page<>(rows, page, size, total);
    }

    /** Every enterprise the filter matches, in list order, read with a cursor: for exports of any size. */
    @Transactional(readOnly = true)
    public void each(EnterpriseFilter filter, Consumer<EnterpriseView> action) {
        Where where = where(filter);
        try (Stream<EnterpriseView> rows = streaming.sql(SELECT + where.sql() + ORDER).params(where.params())
                .query(this::view).stream()) {
            rows.forEach(action);
        }
    }

    public EnterpriseView get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Enterprise", id));
    }

    public Optional<EnterpriseView> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(this::view).optional();
    }

    /**
     * Registers an enterprise. Institution staff register their partners: when the code is already on file the
     * institution is linked to that enterprise and the rest of the form is ignored, so nobody can overwrite or
     * probe another institution's partner; otherwise the enterprise is created and linked. Whether an enterprise
     * is a certified 产教融合型企业 is recorded only by the platform administrator (see {@link #edit}).
     */
    @Transactional
    public Registration register(EnterpriseCommand command) {
        DataScope scope = ScopedDataSource.currentScope();
        boolean institution = scope.kind() == DataScope.Kind.INSTITUTION;
        if (institution) {
            Checks code = new Checks();
            String creditCode = code.creditCode("creditCode", command.creditCode(), true);
            code.done();
            Optional<Long> existing = store.idOfCreditCode(creditCode);
            if (existing.isPresent()) {
                long id = existing.get();
                if (store.link(scope.organisationId(), id)) {
                    recordLink(scope.organisationId(), get(id));
                }
                return new Registration(id, true);
            }
        }
        EnterpriseStore.Details details = validate(command, null);
        long id;
        try {
            id = store.insert(details);
            if (institution) {
                store.link(scope.organisationId(), id);
            }
        } catch (DataAccessException e) {
            throw translate(e);
        }
        EnterpriseView created = get(id);
        audit.record("CREATE", "Enterprise", id, created.name(), null, created.masked());
        if (institution) {
            recordLink(scope.organisationId(), created);
        }
        return new Registration(id, false);
    }

    /**
     * Edits an enterprise. The credit code identifies the enterprise to every institution that works with it and
     * the 产教融合型企业 certification is granted by the authorities (《建设产教融合型企业实施办法（试行）》), so only the
     * platform administrator may change either; everyone else keeps them as they are.
     */
    @Transactional
    public void edit(long id, EnterpriseCommand command) {
        EnterpriseView before = get(id);
        EnterpriseStore.Details details = validate(command, before);
        try {
            store.update(id, details, command.version() == null ? before.version() : command.version());
        } catch (DataAccessException e) {
            throw translate(e);
        }
        EnterpriseView after = get(id);
        audit.record("UPDATE", "Enterprise", id, after.name(), before.masked(), after.masked());
    }

    /** Deactivates (or reactivates) an enterprise; it stays listed and its history stays intact. */
    @Transactional
    public void setActive(long id, boolean active, int version) {
        EnterpriseView before = get(id);
        store.setActive(id, active, version);
        EnterpriseView after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "Enterprise", id, before.name(), before.masked(),
                after.masked());
    }

    /** The institutions the enterprise works with, as far as the caller may know of the partnership. */
    public List<PartnerInstitution> partnerInstitutions(long enterpriseId) {
        get(enterpriseId);
        List<PartnerInstitution> partners = jdbc.sql("""
                        select p.institution_id, i.name, i.kind, i.region_code
                        from enterprise_partner p left join institution i on i.id = p.institution_id
                        where p.enterprise_id = ?
                        order by i.name nulls last, p.institution_id""")
                .param(enterpriseId)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    return new PartnerInstitution(rs.getLong("institution_id"), rs.getString("name"),
                            kind == null ? null : InstitutionKind.valueOf(kind),
                            regions.fullName(rs.getString("region_code")), kind != null);
                })
                .list();
        return partners.stream().map(p -> p.visible() ? p : withNameOnly(p)).toList();
    }

    /**
     * Whether the caller may change the fields only the platform administrator maintains (credit code and the
     * 产教融合型企业 flag).
     */
    public static boolean callerMaintainsRegistration() {
        return ScopedDataSource.currentScope().kind() == DataScope.Kind.PLATFORM;
    }

    /**
     * Whether the caller registers enterprises as partners of their institution, so that a code already on file
     * links to that enterprise.
     */
    public static boolean callerRegistersPartners() {
        return ScopedDataSource.currentScope().kind() == DataScope.Kind.INSTITUTION;
    }

    /** An enterprise HR user's own partners: the partnership is theirs to know, the institution's record is not. */
    private PartnerInstitution withNameOnly(PartnerInstitution partner) {
        String name = DataScope.asSystem(() -> jdbc.sql("select name from institution where id = ?")
                .param(partner.id()).query(String.class).optional()).orElse("");
        return new PartnerInstitution(partner.id(), name, null, "", false);
    }

    private void recordLink(long institutionId, EnterpriseView enterprise) {
        audit.record("LINK", "Enterprise", enterprise.id(), enterprise.name(), null,
                Map.of("institutionId", institutionId, "enterpriseId", enterprise.id()));
    }

    private EnterpriseStore.Details validate(EnterpriseCommand command, EnterpriseView before) {
        Checks checks = new Checks();
        boolean maintainer = callerMaintainsRegistration();
        String name = checks.text("name", command.name(), 100, true);
        String creditCode;
        boolean certified;
        if (before == null || maintainer) {
            creditCode = checks.creditCode("creditCode", command.creditCode(), true);
            certified = maintainer ? Boolean.TRUE.equals(command.industryEducationCertified())
                    : before != null && before.industryEducationCertified();
            if (!maintainer && Boolean.TRUE.equals(command.industryEducationCertified())) {
                checks.refuse("industryEducationCertified", "enterprise.certified.locked",
                        "产教融合型企业须经主管部门认定，由平台管理员登记");
            }
        } else {
            String submitted = command.creditCode() == null || command.creditCode().isBlank() ? null
                    : checks.creditCode("creditCode", command.creditCode(), false);
            if (submitted != null && !submitted.equals(before.creditCode())) {
                checks.refuse("creditCode", "enterprise.creditCode.locked",
                        "统一社会信用代码登记后不能修改，如有错误请联系平台管理员");
            }
            creditCode = before.creditCode();
            certified = before.industryEducationCertified();
            if (command.industryEducationCertified() != null
                    && !Objects.equals(command.industryEducationCertified(), certified)) {
                checks.refuse("industryEducationCertified", "enterprise.certified.locked",
                        "产教融合型企业须经主管部门认定，由平台管理员登记");
            }
        }
        RegionCode region = checks.check(() -> regions.require("regionCode", command.regionCode()));
        String industry = checks.present("industryCode", blankToNull(command.industryCode()));
        if (industry != null && industries().stream().noneMatch(i -> i.code().equals(industry))) {
            checks.refuse("industryCode", "enterprise.industry.unknown", "行业门类不存在");
        }
        EnterpriseSize size = checks.present("size", command.size());
        String address = checks.text("address", command.address(), 200, false);
        String contactName = checks.text("contactName", command.contactName(), 50, false);
        String contactPhone = checks.phone("contactPhone", command.contactPhone());
        checks.done();
        return new EnterpriseStore.Details(name, creditCode, region.value(), industry, size, certified, address,
                contactName, contactPhone);
    }

    private static RuntimeException translate(DataAccessException e) {
        if (DatabaseRefusal.uniqueConstraint(e).filter("enterprise_credit_code_key"::equals).isPresent()) {
            return new InvalidInput("creditCode", "enterprise.creditCode.duplicate", "该统一社会信用代码已登记");
        }
        if (DatabaseRefusal.outsideScope(e)) {
            return new InvalidInput(null, "enterprise.outsideScope", "您不能登记或修改该企业");
        }
        return e;
    }

    private Where where(EnterpriseFilter filter) {
        Where where = new Where();
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().trim();
            where.and("""
                            e.name ilike ? or e.credit_code = upper(?) or e.region_code like ?
                            or e.region_code in (select c.code from region c
                                                 left join region p on p.code = c.parent_code
                                                 left join region g on g.code = p.parent_code
                                                 where concat_ws(' ', g.name, p.name, c.name) like ?)""",
                    Like.contains(text), text, Like.startsWith(text), Like.contains(text));
        }
        if (filter.regionPrefix() != null && !filter.regionPrefix().isBlank()) {
            where.and("e.region_code like ?", Like.startsWith(filter.regionPrefix()));
        }
        if (filter.industryCode() != null && !filter.industryCode().isBlank()) {
            where.and("e.industry_code = ?", filter.industryCode().trim());
        }
        if (filter.size() != null) {
            where.and("e.size = ?", filter.size().name());
        }
        if (filter.certified() != null) {
            where.and("e.industry_education_certified = ?", filter.certified());
        }
        if (filter.active() != null) {
            where.and("e.active = ?", filter.active());
        }
        if (filter.partnerOf() != null) {
            where.and("exists (select 1 from enterprise_partner p where p.enterprise_id = e.id"
                    + " and p.institution_id = ?)", filter.partnerOf());
        }
        return where;
    }

    private EnterpriseView view(ResultSet rs, int row) throws SQLException {
        String region = rs.getString("region_code");
        String industryCode = rs.getString("industry_code");
        String size = rs.getString("size");
        return new EnterpriseView(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"), region,
                regions.fullName(region),
                industryCode == null ? null : new Industry(industryCode, rs.getString("industry_name"),
                        rs.getString("industry_name_en")),
                size == null ? null : EnterpriseSize.valueOf(size), rs.getBoolean("industry_education_certified"),
                rs.getString("address"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
