package org.yuxun.shared.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.shared.YuxunProperties;

/**
 * Two ways into the database, as row-level security needs: migrations run as the role that owns the tables, the
 * application runs as a role that is neither superuser, nor {@code BYPASSRLS}, nor owner (DESIGN.md, "Data scope").
 * Without an external URL the embedded PostgreSQL 15 is started and both roles are set up for it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Where and as whom to connect. */
    record DatabaseConnection(String url, String appUser, String appPassword, String ownerUser,
                              String ownerPassword) {
    }

    @Bean
    DatabaseConnection databaseConnection(YuxunProperties properties) {
        YuxunProperties.Db db = properties.db();
        if (db.embedded()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir(), db.embeddedPort(),
                    db.appRole());
            return new DatabaseConnection(server.jdbcUrl(), server.appUser(), server.appPassword(),
                    server.ownerUser(), server.ownerPassword());
        }
        String owner = blank(db.ownerUser()) ? db.user() : db.ownerUser();
        String ownerPassword = blank(db.ownerUser()) ? db.password() : db.ownerPassword();
        return new DatabaseConnection(db.url(), db.user(), db.password(), owner, ownerPassword);
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseConnection connection) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), connection.url(), connection.ownerUser(),
                connection.ownerPassword());
    }

    /**
     * The pool itself, without scope: only Spring Session uses it directly, for its own tables, which carry no
     * row-level security. Its queries need no caller scope, and must not ask for one: resolving the caller's
     * scope reads the security context, which is itself loaded from the session, so every request would load
     * its session twice and write scope settings no query reads.
     */
    @Bean
    @SpringSessionDataSource
    HikariDataSource connectionPool(DatabaseConnection connection, YuxunProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("yuxun");
        config.setJdbcUrl(connection.url());
        config.setUsername(connection.appUser());
        config.setPassword(connection.appPassword());
        config.setMaximumPoolSize(properties.db().poolSize());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "yuxun");
        HikariDataSource pool = new HikariDataSource(config);
        refusePrivilegedRole(pool, properties.db().allowPrivilegedAppRole());
        return pool;
    }

    /**
     * The database's health, checked on a pooled connection of the application role. Without it the health
     * endpoint — public, for load balancers — would check every data source bean, the owner's migration source
     * among them, and open a new connection as the owner on every request.
     */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(HikariDataSource connectionPool) {
        return new DataSourceHealthIndicator(connectionPool);
    }

    /** Everything but the session store goes through the scope. */
    @Bean
    @Primary
    ScopedDataSource dataSource(HikariDataSource connectionPool) {
        return new ScopedDataSource(connectionPool);
    }

    /**
     * The application's transactions, on the scoped data source. Declared here because the session store's own
     * {@link TransactionOperations} would otherwise make Spring Boot leave this one out.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Row-level security is the second wall only if the application's role cannot walk around it. */
    private static void refusePrivilegedRole(DataSource pool, boolean allowed) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            if (rs.next() && (rs.getBoolean(1) || rs.getBoolean(2))) {
                String message = "The application connects to PostgreSQL as '" + c.getMetaData().getUserName()
                        + "', a role that bypasses row-level security. Connect as an ordinary role"
                        + " (YUXUN_DB_USER) and migrate as the owner (YUXUN_DB_OWNER_USER).";
                if (!allowed) {
                    throw new IllegalStateException(message);
                }
                log.warn(message);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
