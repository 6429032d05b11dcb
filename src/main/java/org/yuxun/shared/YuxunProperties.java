package org.yuxun.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every module builds on (DESIGN.md, "Decisions the issues rely on").
 *
 * @param publicBaseUrl address from which QR links, credential and issuer IDs, the JWKS and status-list URLs are
 *     built; set it to the machine's LAN address so a phone can reach the demo
 * @param dataDir where the embedded database, the generated master key and uploaded files live
 * @param masterKey base64 of 32 random bytes ({@code YUXUN_MASTER_KEY}); encrypts identity numbers and signing
 *     keys. Empty means: generate one into {@code dataDir} (embedded default only)
 * @param db how to reach PostgreSQL
 * @param demo whether demo data is loaded on first start
 * @param security login hardening
 */
@ConfigurationProperties("yuxun")
public record YuxunProperties(
        String publicBaseUrl,
        Path dataDir,
        String masterKey,
        Db db,
        Demo demo,
        Security security) {

    public YuxunProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null, null, null, "yuxun_app", 54329, 20, false) : db;
        demo = demo == null ? new Demo(true) : demo;
        security = security == null ? new Security(5, Duration.ofMinutes(15)) : security;
    }

    /**
     * @param url JDBC URL of an external PostgreSQL 15+; empty starts the embedded server
     * @param user the application role: neither superuser, nor {@code BYPASSRLS}, nor owner of the tables
     * @param password its password
     * @param ownerUser the role that owns the tables and runs the migrations (defaults to {@code user})
     * @param ownerPassword its password
     * @param appRole name of the application role the migrations grant access to
     * @param embeddedPort TCP port of the embedded server; 0 picks a free one
     * @param poolSize connections in the application's pool; by default {@link #defaultPoolSize()}
     * @param allowPrivilegedAppRole start even when the application role bypasses row-level security
     */
    public record Db(String url, String user, String password, String ownerUser, String ownerPassword,
                     String appRole, Integer embeddedPort, Integer poolSize, boolean allowPrivilegedAppRole) {

        public Db {
            appRole = appRole == null || appRole.isBlank() ? "yuxun_app" : appRole;
            embeddedPort = embeddedPort == null ? 54329 : embeddedPort;
            poolSize = poolSize == null || poolSize <= 0 ? defaultPoolSize() : poolSize;
        }

        /**
         * Two connections per core of this machine and four for background work (8 on two cores): HikariCP's
         * sizing rule, for the embedded server that shares the machine's cores. More connections than the
         * database has cores to run them only take turns with each other and with the application: with 20 on two
         * cores the check-in's p99 at 1,000 a second was 39–269 ms in the runs of one day, with 8 it was 16–58 ms
         * in six runs of seven and 113 ms on a slower machine (docs/benchmarks.md, check-in, item 25). Set
         * {@code yuxun.db.pool-size} for an external server.
         */
        static int defaultPoolSize() {
            return 2 * Runtime.getRuntime().availableProcessors() + 4;
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** @param enabled load the demo province, colleges, enterprises and accounts on first start */
    public record Demo(boolean enabled) {
    }

    /**
     * @param maxFailedLogins failures in a row after which an account is locked
     * @param lockout how long the lock lasts
     */
    public record Security(int maxFailedLogins, Duration lockout) {

        public Security {
            maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        }
    }
}
