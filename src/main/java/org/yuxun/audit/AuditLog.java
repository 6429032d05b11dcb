package org.yuxun.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.Page;
import org.yuxun.shared.ScopedPrincipal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail (DESIGN.md, "Audit"): every state change and every reveal of personal data, with who, when,
 * what, and the object before and after. Entries are written in the caller's transaction, so a change and its
 * record commit or roll back together. Callers pass snapshots that hold masked personal data only.
 */
@Service
public class AuditLog {

    /** One entry as the audit pages show it. */
    public record Entry(long id, Instant at, String username, String orgKind, Long orgId, String action,
                        String objectType, String objectId, String summary, String before, String after,
                        String ip) {
    }

    /** Search criteria; every part optional. */
    public record Query(String username, String objectType, String objectId, String action, Instant from,
                       Instant to) {
    }

    private static final String SELECT = """
            select id, at, username, org_kind, org_id, action, object_type, object_id, summary,
                   before::text as before, after::text as after, ip
            from audit_event""";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an entry for the signed-in caller, or for nobody in particular when no one is signed in. */
    public void record(String action, String objectType, Object objectId, String summary, Object before,
                       Object after) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            recordAs(principal, authentication.getName(), action, objectType, objectId, summary, before, after);
        } else {
            recordAs(null, null, action, objectType, objectId, summary, before, after);
        }
    }

    /**
     * Records an entry for a principal who is not in the security context yet, as at sign-in, so that the entry
     * still names who acted and belongs to their organisation's trail.
     */
    public void recordAs(ScopedPrincipal principal, String username, String action, String objectType,
                         Object objectId, String summary, Object before, Object after) {
        Long userId = null;
        String orgKind = null;
        Long orgId = null;
        if (principal != null) {
            DataScope scope = principal.dataScope();
            userId = scope.userId();
            orgId = scope.organisationId();
            orgKind = switch (scope.kind()) {
                case INSTITUTION, TEACHER -> "INSTITUTION";
                case ENTERPRISE -> "ENTERPRISE";
                case EDUCATION_AUTHORITY, HRSS_AUTHORITY -> "AUTHORITY";
                case PLATFORM -> "PLATFORM";
                default -> null;
            };
        }
        jdbc.sql("""
                        insert into audit_event (user_id, username, org_kind, org_id, action, object_type, object_id,
                                                 summary, before, after, ip)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(userId, username, orgKind, orgId, action, objectType,
                        objectId == null ? null : objectId.toString(), truncate(summary), toJson(before),
                        toJson(after), clientAddress())
                .update();
    }

    /** Entries the caller's scope lets them see, newest first. */
    public Page<Entry> search(Query query, int page, int size) {
        Filter filter = filter(query);
        long total = jdbc.sql("select count(*) from audit_event" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(filter.params());
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Entry> rows = jdbc.sql(SELECT + filter.where() + " order by at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query(Entry.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    /**
     * Hands the newest {@code limit} entries matching the query to {@code sink}, one at a time, so an export of
     * a hundred thousand entries never holds them all in memory.
     *
     * @return how many entries match in all, which may exceed {@code limit}
     */
    @Transactional(readOnly = true)
    public long export(Query query, int limit, Consumer<Entry> sink) {
        Filter filter = filter(query);
        long total = jdbc.sql("select count(*) from audit_event" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        RowMapper<Entry> mapper = new DataClassRowMapper<>(Entry.class);
        jdbc.sql(SELECT + filter.where() + " order by at desc, id desc limit ?")
                .params(params)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> sink.accept(mapper.mapRow(rs, rs.getRow())));
        return total;
    }

    /** The object types that occur in the entries the caller may see, for the search form. */
    public List<String> objectTypes() {
        return jdbc.sql("select distinct object_type from audit_event order by 1").query(String.class).list();
    }

    /** The actions that occur in the entries the caller may see, for the search form. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by 1").query(String.class).list();
    }

    private record Filter(String where, List<Object> params) {
    }

    private static Filter filter(Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (notBlank(query.username())) {
            where.append(" and username ilike ?");
            params.add("%" + escapeLike(query.username().trim()) + "%");
        }
        if (notBlank(query.objectType())) {
            where.append(" and object_type = ?");
            params.add(query.objectType().trim());
        }
        if (notBlank(query.objectId())) {
            where.append(" and object_id = ?");
            params.add(query.objectId().trim());
        }
        if (notBlank(query.action())) {
            where.append(" and action = ?");
            params.add(query.action().trim());
        }
        if (query.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return new Filter(where.toString(), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
