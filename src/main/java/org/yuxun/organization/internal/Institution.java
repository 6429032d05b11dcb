package org.yuxun.organization.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yuxun.organization.InstitutionKind;

/** A 职业院校, 技工院校, training provider or evaluation organisation, as stored. */
@Table("institution")
record Institution(@Id Long id, String name, String shortName, InstitutionKind kind, String creditCode,
                   String regionCode, Long supervisingAuthorityId, String address, String contactName,
                   String contactPhone, boolean registeredEvaluator, boolean active, @Version Integer version,
                   Instant updatedAt) {

    static Institution register(InstitutionStore.Details d) {
        return new Institution(null, d.name(), d.shortName(), d.kind(), d.creditCode(), d.regionCode(),
                d.supervisingAuthorityId(), d.address(), d.contactName(), d.contactPhone(), d.registeredEvaluator(),
                true, null, Instant.now());
    }

    Institution edit(InstitutionStore.Details d, int expectedVersion) {
        return new Institution(id, d.name(), d.shortName(), d.kind(), d.creditCode(), d.regionCode(),
                d.supervisingAuthorityId(), d.address(), d.contactName(), d.contactPhone(), d.registeredEvaluator(),
                active, expectedVersion, Instant.now());
    }

    Institution withActive(boolean newActive, int expectedVersion) {
        return new Institution(id, name, shortName, kind, creditCode, regionCode, supervisingAuthorityId, address,
                contactName, contactPhone, registeredEvaluator, newActive, expectedVersion, Instant.now());
    }
}
