package org.yuxun.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded PostgreSQL 15 server of local runs and tests. Its data directory persists between runs; the
 * first start creates the {@code yuxun} database and the application role, whose generated password is kept
 * beside the data. One server per data directory per JVM, so several test contexts share it.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    static final String DATABASE = "yuxun";

    private final EmbeddedPostgres postgres;
    private final String appRole;
    private final String appPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String appRole, String appPassword) {
        this.postgres = postgres;
        this.appRole = appRole;
        this.appPassword = appPassword;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, String appRole) {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        return RUNNING.computeIfAbsent(pgData, dir -> {
            try {
                Files.createDirectories(dir);
                long started = System.nanoTime();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        // stopped by Spring Boot's shutdown handlers below, never by a JVM shutdown hook of its own
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("work_mem", "16MB")
                        .setServerConfig("synchronous_commit", "off")
                        .setLocaleConfig("locale", "C")
                        .setLocaleConfig("encoding", "UTF8");
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres pg = builder.start();
                String password = password(dataDir);
                prepare(pg, appRole, password);
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, appRole, password);
                // stopped after the application contexts are closed, not beside them: a JVM's shutdown hooks run
                // at the same time, and work that writes its last batch when the application stops (session
                // touches, the verification log) would otherwise wait the pool's whole timeout for a stopped server.
                // Spring Boot registers its own hook for these handlers when the first is added.
                SpringApplication.getShutdownHandlers().add(server::close);
                log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", pg.getPort(), dir,
                        (System.nanoTime() - started) / 1_000_000);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
            }
        });
    }

    private static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve("app-role.password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password);
        return password;
    }

    /** Creates the database and the application role: a login role that is not superuser, owner or BYPASSRLS. */
    private static void prepare(EmbeddedPostgres pg, String appRole, String password) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, DATABASE);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, appRole);
                try (ResultSet rs = q.executeQuery()) {
                    String verb = rs.next() ? "alter" : "create";
                    s.execute(verb + " role " + identifier(appRole)
                            + " login nosuperuser nobypassrls nocreatedb nocreaterole password '" + password + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Illegal role name: " + name);
        }
        return name;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE).replaceFirst("\\?.*$", "");
    }

    public String ownerUser() {
        return "postgres";
    }

    public String ownerPassword() {
        return "";
    }

    public String appUser() {
        return appRole;
    }

    public String appPassword() {
        return appPassword;
    }

    public int port() {
        return postgres.getPort();
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
