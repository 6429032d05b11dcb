package org.yuxun.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.ScopedPrincipal;

/**
 * The one place where data scope is enforced: every connection handed out carries the caller's {@link DataScope}
 * as PostgreSQL settings that the row-level security policies of every table read. The settings are written only
 * when the physical connection last carried a different scope, so a busy path pays nothing extra.
 */
public class ScopedDataSource extends DelegatingDataSource {

    private static final String APPLY = """
            select set_config('yuxun.scope', ?, ?), set_config('yuxun.user_id', ?, ?),
                   set_config('yuxun.person_id', ?, ?), set_config('yuxun.org_id', ?, ?),
                   set_config('yuxun.region', ?, ?)""";

    /**
     * Reading the security context may load the HTTP session from the database, which asks for a connection
     * again: that inner connection serves only the session tables, which carry no row-level security.
     */
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private static final int SETTINGS = 10;

    private final Map<Object, String> appliedScopes = Collections.synchronizedMap(new WeakHashMap<>());
    private final JdbcTemplate unscoped;

    public ScopedDataSource(DataSource target) {
        super(target);
        this.unscoped = new JdbcTemplate(target);
        DataScope.installApplier(this::reapplyInsideTransaction);
    }

    /**
     * The scope is resolved before a connection is taken from the pool: resolving it may load the HTTP session,
     * which needs a connection of its own. Holding one while waiting for another would let a burst of requests
     * hold the whole pool and wait for it forever.
     */
    @Override
    public Connection getConnection() throws SQLException {
        DataScope scope = currentScope();
        return withScope(super.getConnection(), scope);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        DataScope scope = currentScope();
        return withScope(super.getConnection(username, password), scope);
    }

    /** The scope of the current thread: an explicit {@link DataScope#as} first, then the signed-in principal. */
    public static DataScope currentScope() {
        DataScope override = DataScope.override();
        if (override != null) {
            return override;
        }
        if (RESOLVING.get() != null) {
            return DataScope.ANONYMOUS;
        }
        Authentication authentication;
        RESOLVING.set(Boolean.TRUE);
        try {
            authentication = SecurityContextHolder.getContext().getAuthentication();
        } finally {
            RESOLVING.remove();
        }
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.dataScope();
        }
        return DataScope.ANONYMOUS;
    }

    private Connection withScope(Connection connection, DataScope scope) throws SQLException {
        try {
            String key = key(scope);
            Object physical = connection.unwrap(PGConnection.class);
            if (!key.equals(appliedScopes.get(physical))) {
                apply(connection, scope, false);
                appliedScopes.put(physical, key);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * One query in the caller's scope, with the scope settings in the same round trip when the connection last
     * carried another scope: for a hot path whose every call comes from a different user (the QR check-in), where
     * writing the settings first was a round trip of its own. The settings and the query are sent as one batch,
     * which PostgreSQL runs as one implicit transaction, so a query that fails leaves the connection's settings as
     * they were. Inside a transaction the query runs on the transaction's connection, as any other.
     *
     * @param args the query's parameters, in order
     */
    public <T> List<T> queryInScope(String sql, RowMapper<T> rows, Object... args) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return new JdbcTemplate(this).query(sql, rows, args);
        }
        DataScope scope = currentScope();
        String key = key(scope);
        return unscoped.execute((ConnectionCallback<List<T>>) connection -> {
            Object physical = connection.unwrap(PGConnection.class);
            boolean apply = !key.equals(appliedScopes.get(physical));
            try (PreparedStatement statement = connection.prepareStatement(apply ? APPLY + ";\n" + sql : sql)) {
                int offset = 0;
                if (apply) {
                    bind(statement, scope, false);
                    offset = SETTINGS;
                }
                for (int i = 0; i < args.length; i++) {
                    StatementCreatorUtils.setParameterValue(statement, offset + i + 1, SqlTypeValue.TYPE_UNKNOWN,
                            args[i]);
                }
                statement.execute();
                if (apply) {
                    appliedScopes.put(physical, key);
                    statement.getMoreResults();
                }
                try (ResultSet found = statement.getResultSet()) {
                    return new RowMapperResultSetExtractor<>(rows).extractData(found);
                }
            }
        });
    }

    private void reapplyInsideTransaction(DataScope scope) {
        if (!(TransactionSynchronizationManager.getResource(this) instanceof ConnectionHolder holder)
                || !holder.isSynchronizedWithTransaction()) {
            return;
        }
        try {
            apply(holder.getConnection(), scope == null ? currentScope() : scope, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply data scope to the current transaction", e);
        }
    }

    private static void apply(Connection connection, DataScope scope, boolean local) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            bind(statement, scope, local);
            statement.execute();
        }
    }

    /** The {@value #SETTINGS} parameters of {@link #APPLY}. */
    private static void bind(PreparedStatement statement, DataScope scope, boolean local) throws SQLException {
        statement.setString(1, scope.kind().name());
        statement.setString(3, text(scope.userId()));
        statement.setString(5, text(scope.personId()));
        statement.setString(7, text(scope.organisationId()));
        statement.setString(9, scope.regionPrefix() == null ? "" : scope.regionPrefix());
        for (int i = 2; i <= SETTINGS; i += 2) {
            statement.setBoolean(i, local);
        }
    }

    private static String key(DataScope scope) {
        return scope.kind() + "|" + scope.userId() + "|" + scope.personId() + "|" + scope.organisationId() + "|"
                + scope.regionPrefix();
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }
}
