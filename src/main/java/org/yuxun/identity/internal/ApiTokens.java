package org.yuxun.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;

/**
 * Personal API tokens for provincial platforms and enterprise systems. Only a SHA-256 hash is stored; the token
 * itself is shown once, at creation. A token acts with its owner's permissions and data scope.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "yx_";

    /** The longest lifetime a user may give a token, in days (about ten years). */
    public static final int MAX_EXPIRY_DAYS = 3650;

    /** Where a token stands: usable, past its expiry, or revoked by its owner. */
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt) {

        public boolean active() {
            return status() == Status.ACTIVE;
        }

        public Status status() {
            if (revokedAt != null) {
                return Status.REVOKED;
            }
            return expiresAt == null || expiresAt.isAfter(Instant.now()) ? Status.ACTIVE : Status.EXPIRED;
        }
    }

    /** What the audit trail keeps of a token: never the token or its hash. */
    record Snapshot(long id, long userId, String name, String prefix, Instant expiresAt) {
    }

    public record IssuedToken(long id, String token) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Issues a token with the name and lifetime (in days; none means until revoked) its owner typed.
     *
     * @throws InvalidInput at {@code name} or {@code expiryDays}
     */
    @Transactional
    public IssuedToken create(long userId, String name, Integer expiryDays) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            problems.add(new InvalidInput.Violation("name", "token.name.length", "令牌名称应为 1 至 50 个字符", null));
        }
        if (expiryDays != null && (expiryDays < 1 || expiryDays > MAX_EXPIRY_DAYS)) {
            problems.add(new InvalidInput.Violation("expiryDays", "token.expiry.range", "有效期应为 1 至 {0} 天",
                    new Object[] {MAX_EXPIRY_DAYS}));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return issue(userId, trimmed, expiryDays == null ? null : Instant.now().plus(Duration.ofDays(expiryDays)));
    }

    @Transactional
    public IssuedToken issue(long userId, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, prefix, expires_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(userId, name, hash(token), token.substring(0, 10),
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
        audit.record("API_TOKEN_ISSUED", "ApiToken", id, name, null,
                new Snapshot(id, userId, name, token.substring(0, 10), expiresAt));
        return new IssuedToken(id, token);
    }

    public List<TokenView> ofUser(long userId) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
                        from api_token where user_id = ? order by created_at desc""")
                .param(userId)
                .query(TokenView.class)
                .list();
    }

    /**
     * Revokes one of the user's own tokens. Revoking a token twice changes nothing, so a repeated click is
     * harmless; false if the user has no such token.
     */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        Optional<String> name = jdbc.sql("""
                        update api_token set revoked_at = now()
                        where id = ? and user_id = ? and revoked_at is null returning name""")
                .params(tokenId, userId)
                .query(String.class)
                .optional();
        if (name.isPresent()) {
            audit.record("API_TOKEN_REVOKED", "ApiToken", tokenId, name.get(), null, null);
            return true;
        }
        return jdbc.sql("select exists (select 1 from api_token where id = ? and user_id = ?)")
                .params(tokenId, userId)
                .query(Boolean.class)
                .single();
    }

    /** The owner of a valid, unrevoked, unexpired token; looked up in system scope since nobody is signed in yet. */
    Optional<Long> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return DataScope.asSystem(() -> jdbc.sql("""
                        update api_token set last_used_at = now()
                        where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > now())
                        returning user_id""")
                .param(hash(token))
                .query(Long.class)
                .optional());
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
