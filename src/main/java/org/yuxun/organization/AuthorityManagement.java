package org.yuxun.organization;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.internal.AuthorityStore;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.RegionCode;
import org.yuxun.shared.RegionLevel;

/** Authorities: the education and HRSS departments at county, city, province and national level. */
@Service
public class AuthorityManagement {

    /** An authority as pages and the API show it. */
    public record AuthorityView(long id, String name, AuthorityKind kind, AuthorityLevel level, String regionCode,
                                String regionName, boolean active, int version) {
    }

    /** What a user types to create or edit an authority. */
    public record AuthorityCommand(String name, AuthorityKind kind, AuthorityLevel level, String regionCode,
                                   Integer version) {
    }

    private final AuthorityStore store;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    AuthorityManagement(AuthorityStore store, Regions regions, JdbcClient jdbc, AuditLog audit) {
        this.store = store;
        this.regions = regions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Page<AuthorityView> search(String text, AuthorityKind kind, Boolean active, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.append(" and (name ilike ? or region_code like ?)");
            params.add("%" + text.trim() + "%");
            params.add(text.trim() + "%");
        }
        if (kind != null) {
            where.append(" and kind = ?");
            params.add(kind.name());
        }
        if (active != null) {
            where.append(" and active = ?");
            params.add(active);
        }
        long total = jdbc.sql("select count(*) from authority" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuthorityView> rows = jdbc.sql("select id, name, kind, level, region_code, active, version from authority"
                        + where + " order by coalesce(region_code, ''), kind, name limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new AuthorityView(rs.getLong("id"), rs.getString("name"),
                        AuthorityKind.valueOf(rs.getString("kind")), AuthorityLevel.valueOf(rs.getString("level")),
                        rs.getString("region_code"), regions.fullName(rs.getString("region_code")),
                        rs.getBoolean("active"), rs.getInt("version")))
                .list();
        return new Page<>(rows, page, size, total);
    }

    public AuthorityView get(long id) {
        return store.find(id).map(this::view).orElseThrow(() -> new NotFound("Authority", id));
    }

    @Transactional
    public long create(AuthorityCommand command) {
        String region = validRegion(command);
        try {
            long id = store.insert(command.name().trim(), command.kind(), command.level(), region);
            audit.record("CREATE", "Authority", id, command.name(), null, get(id));
            return id;
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    @Transactional
    public void edit(long id, AuthorityCommand command) {
        AuthorityView before = get(id);
        String region = validRegion(command);
        try {
            store.update(id, command.name().trim(), command.kind(), command.level(), region,
                    command.version() == null ? before.version() : command.version());
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        audit.record("UPDATE", "Authority", id, command.name(), before, get(id));
    }

    @Transactional
    public void setActive(long id, boolean active, int version) {
        AuthorityView before = get(id);
        store.setActive(id, active, version);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "Authority", id, before.name(), before, get(id));
    }

    /** The region must exist and be of the authority's level; a national authority has none. */
    private String validRegion(AuthorityCommand command) {
        if (command.level() == AuthorityLevel.NATIONAL) {
            return null;
        }
        RegionCode region = regions.require("regionCode", command.regionCode());
        RegionLevel expected = RegionLevel.valueOf(command.level().name());
        if (region.level() != expected) {
            throw new InvalidInput("regionCode", "authority.region.level", "行政区划的级别与部门级别不一致");
        }
        return region.value();
    }

    private static InvalidInput duplicate() {
        return new InvalidInput("name", "authority.duplicate", "该地区已有同级同类的主管部门");
    }

    private AuthorityView view(AuthorityStore.Row r) {
        return new AuthorityView(r.id(), r.name(), r.kind(), r.level(), r.regionCode(),
                regions.fullName(r.regionCode()), r.active(), r.version());
    }
}
