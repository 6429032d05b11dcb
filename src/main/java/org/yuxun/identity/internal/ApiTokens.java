package org.yuxun.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.DataScope;

/**
 * Personal API tokens for provincial platforms and enterprise systems. Only a SHA-256 hash is stored; the token
 * itself is shown once, at creation. A token acts with its owner's permissions and data scope.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "yx_";

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
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
        audit.record("API_TOKEN_ISSUED", "ApiToken", id, name, null, null);
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

    @Transactional
    public boolean revoke(long userId, long tokenId) {
        int changed = jdbc.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(tokenId, userId)
                .update();
        if (changed > 0) {
            audit.record("API_TOKEN_REVOKED", "ApiToken", tokenId, null, null, null);
        }
        return changed > 0;
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
