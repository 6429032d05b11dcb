package org.yuxun.organization.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yuxun.organization.AuthorityKind;
import org.yuxun.organization.AuthorityLevel;

/** Persistence of {@link Authority}: optimistic locking by version, visibility by row-level security. */
@Component
public class AuthorityStore {

    /** An authority as stored. */
    public record Row(long id, String name, AuthorityKind kind, AuthorityLevel level, String regionCode,
                      boolean active, int version) {
    }

    private final Authorities authorities;

    AuthorityStore(Authorities authorities) {
        this.authorities = authorities;
    }

    public Optional<Row> find(long id) {
        return authorities.findById(id).map(AuthorityStore::row);
    }

    public long insert(String name, AuthorityKind kind, AuthorityLevel level, String regionCode) {
        return authorities.save(Authority.create(name, kind, level, regionCode)).id();
    }

    public void update(long id, String name, AuthorityKind kind, AuthorityLevel level, String regionCode,
                       int expectedVersion) {
        Authority current = authorities.findById(id).orElseThrow();
        authorities.save(current.edit(name, kind, level, regionCode, expectedVersion));
    }

    public void setActive(long id, boolean active, int expectedVersion) {
        Authority current = authorities.findById(id).orElseThrow();
        authorities.save(current.withActive(active, expectedVersion));
    }

    private static Row row(Authority a) {
        return new Row(a.id(), a.name(), a.kind(), a.level(), a.regionCode(), a.active(), a.version());
    }
}
