package org.yuxun.credentials.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The signed credentials, each with its place in its issuer's status list. */
@Component
public class CredentialRecords {

    /** One stored credential. */
    public record StoredCredential(UUID id, long issuerId, String kid, long statusListIndex, String jwt,
                                   Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    CredentialRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredCredential> find(UUID id) {
        return jdbc.sql("""
                        select id, issuer_id, kid, status_list_index, jwt, revoked_at from credential where id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Timestamp revoked = rs.getTimestamp("revoked_at");
                    return new StoredCredential(rs.getObject("id", UUID.class), rs.getLong("issuer_id"),
                            rs.getString("kid"), rs.getLong("status_list_index"), rs.getString("jwt"),
                            revoked == null ? null : revoked.toInstant());
                })
                .optional();
    }

    /** Stores a credential; false when one with this id is already stored (a concurrent or repeated issue). */
    public boolean insert(UUID id, long issuerId, String kid, long statusListIndex, String jwt, Instant validFrom,
                          Instant validUntil) {
        return jdbc.sql("""
                        insert into credential (id, issuer_id, kid, status_list_index, jwt, valid_from, valid_until)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(id, issuerId, kid, statusListIndex, jwt, Timestamp.from(validFrom),
                        validUntil == null ? null : Timestamp.from(validUntil))
                .update() == 1;
    }

    public void markRevoked(UUID id) {
        jdbc.sql("update credential set revoked_at = now() where id = ? and revoked_at is null").param(id).update();
    }
}
