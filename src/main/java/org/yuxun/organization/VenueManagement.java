package org.yuxun.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.internal.Checks;
import org.yuxun.organization.internal.DatabaseRefusal;
import org.yuxun.organization.internal.Like;
import org.yuxun.organization.internal.VenueStore;
import org.yuxun.organization.internal.Where;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.database.ScopedDataSource;

/**
 * Venues where sessions take place, each owned by one institution or one enterprise. Institution staff and
 * enterprise HR keep their own organisation's venues; the platform administrator registers them for any owner.
 * A venue is visible to whoever sees its owner.
 */
@Service
public class VenueManagement {

    /** A venue as pages and the API show it; exactly one of the owner ids is set. */
    public record VenueView(long id, String name, VenueKind kind, Long institutionId, Long enterpriseId,
                            String ownerName, String address, Integer capacity, boolean active, int version) {
    }

    /**
     * What a user submits. The owner ({@code institutionId} or {@code enterpriseId}) is needed only from the
     * platform administrator; everyone else registers venues of their own organisation. {@code version} guards
     * against concurrent edits and may be null to edit whatever is current.
     */
    public record VenueCommand(String name, VenueKind kind, Long institutionId, Long enterpriseId, String address,
                               Integer capacity, Integer version) {
    }

    /** Search criteria, every part optional; {@code text} is part of the name or address. */
    public record VenueFilter(String text, VenueKind kind, Long institutionId, Long enterpriseId, Boolean active) {

        public static VenueFilter ofInstitution(long id) {
            return new VenueFilter(null, null, id, null, null);
        }

        public static VenueFilter ofEnterprise(long id) {
            return new VenueFilter(null, null, null, id, null);
        }
    }

    /** Who registers a venue and for whom. */
    public record Owner(Long institutionId, Long enterpriseId, String name) {
    }

    private static final String SELECT = """
            select v.id, v.name, v.kind, v.institution_id, v.enterprise_id, coalesce(i.name, e.name) as owner_name,
                   v.address, v.capacity, v.active, v.version
            from venue v left join institution i on i.id = v.institution_id
                         left join enterprise e on e.id = v.enterprise_id""";

    private final VenueStore store;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    VenueManagement(VenueStore store, JdbcClient jdbc, AuditLog audit) {
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Page<VenueView> search(VenueFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from venue v" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<VenueView> rows = jdbc.sql(SELECT + where.sql() + " order by v.active desc, owner_name, v.name, v.id"
                        + " limit ? offset ?")
                .params(where.params(page, size))
                .query(VenueManagement::view)
                .list();
        return new Page<>(rows, page, size, total);
    }

    public VenueView get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Venue", id));
    }

    public Optional<VenueView> find(long id) {
        return jdbc.sql(SELECT + " where v.id = ?").param(id).query(VenueManagement::view).optional();
    }

    /**
     * The owner a new venue of this caller belongs to: their own institution or enterprise, or for the platform
     * administrator the one requested. Empty when the caller cannot register venues for it.
     */
    public Optional<Owner> ownerFor(Long institutionId, Long enterpriseId) {
        DataScope scope = ScopedDataSource.currentScope();
        return switch (scope.kind()) {
            case INSTITUTION -> ownInstitution(scope, institutionId, enterpriseId);
            case ENTERPRISE -> institutionId == null
                    && (enterpriseId == null || enterpriseId.equals(scope.organisationId()))
                    ? enterpriseOwner(scope.organisationId()) : Optional.empty();
            case PLATFORM -> institutionId != null && enterpriseId == null ? institutionOwner(institutionId)
                    : enterpriseId != null && institutionId == null ? enterpriseOwner(enterpriseId)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Transactional
    public long create(VenueCommand command) {
        Checks checks = new Checks();
        Owner owner = ownerFor(command.institutionId(), command.enterpriseId()).orElse(null);
        if (owner == null) {
            checks.refuse(null, "venue.owner.invalid", "请在本单位（院校或企业）名下登记场地");
        }
        VenueStore.Details details = validate(checks, command, owner != null && owner.enterpriseId() != null);
        long id;
        try {
            id = store.insert(details, owner.institutionId(), owner.enterpriseId());
        } catch (DataAccessException e) {
            throw translate(e);
        }
        VenueView created = get(id);
        audit.record("CREATE", "Venue", id, created.name(), null, created);
        return id;
    }

    @Transactional
    public void edit(long id, VenueCommand command) {
        VenueView before = get(id);
        Checks checks = new Checks();
        if ((command.institutionId() != null && !command.institutionId().equals(before.institutionId()))
                || (command.enterpriseId() != null && !command.enterpriseId().equals(before.enterpriseId()))) {
            checks.refuse(null, "venue.owner.fixed", "场地的所属单位不能更改");
        }
        VenueStore.Details details = validate(checks, command, before.enterpriseId() != null);
        try {
            store.update(id, details, command.version() == null ? before.version() : command.version());
        } catch (DataAccessException e) {
            throw translate(e);
        }
        VenueView after = get(id);
        audit.record("UPDATE", "Venue", id, after.name(), before, after);
    }

    /** Deactivates (or reactivates) a venue: it can no longer be chosen for new sessions, and its history stays. */
    @Transactional
    public void setActive(long id, boolean active, int version) {
        VenueView before = get(id);
        store.setActive(id, active, version);
        VenueView after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "Venue", id, before.name(), before, after);
    }

    private static VenueStore.Details validate(Checks checks, VenueCommand command, boolean ownedByEnterprise) {
        String name = checks.text("name", command.name(), 100, true);
        VenueKind kind = checks.present("kind", command.kind());
        String address = checks.text("address", command.address(), 200, false);
        Integer capacity = checks.range("capacity", command.capacity(), 1, 100_000, false);
        if (kind != null) {
            checks.check(() -> {
                VenuePolicy.check(kind, ownedByEnterprise, address);
                return null;
            });
        }
        checks.done();
        return new VenueStore.Details(name, kind, kind.isPhysical() ? address : null, capacity);
    }

    private static RuntimeException translate(DataAccessException e) {
        if (DatabaseRefusal.outsideScope(e)) {
            return new InvalidInput(null, "venue.owner.invalid", "请在本单位（院校或企业）名下登记场地");
        }
        return e;
    }

    private Optional<Owner> ownInstitution(DataScope scope, Long institutionId, Long enterpriseId) {
        boolean own = enterpriseId == null
                && (institutionId == null || institutionId.equals(scope.organisationId()));
        return own ? institutionOwner(scope.organisationId()) : Optional.empty();
    }

    private Optional<Owner> institutionOwner(long id) {
        return jdbc.sql("select name from institution where id = ?").param(id).query(String.class).optional()
                .map(name -> new Owner(id, null, name));
    }

    private Optional<Owner> enterpriseOwner(long id) {
        return jdbc.sql("select name from enterprise where id = ?").param(id).query(String.class).optional()
                .map(name -> new Owner(null, id, name));
    }

    private static Where where(VenueFilter filter) {
        Where where = new Where();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.and("v.name ilike ? or v.address ilike ?", Like.contains(filter.text()),
                    Like.contains(filter.text()));
        }
        if (filter.kind() != null) {
            where.and("v.kind = ?", filter.kind().name());
        }
        if (filter.institutionId() != null) {
            where.and("v.institution_id = ?", filter.institutionId());
        }
        if (filter.enterpriseId() != null) {
            where.and("v.enterprise_id = ?", filter.enterpriseId());
        }
        if (filter.active() != null) {
            where.and("v.active = ?", filter.active());
        }
        return where;
    }

    private static VenueView view(ResultSet rs, int row) throws SQLException {
        return new VenueView(rs.getLong("id"), rs.getString("name"), VenueKind.valueOf(rs.getString("kind")),
                rs.getObject("institution_id", Long.class), rs.getObject("enterprise_id", Long.class),
                rs.getString("owner_name"), rs.getString("address"), rs.getObject("capacity", Integer.class),
                rs.getBoolean("active"), rs.getInt("version"));
    }
}
