package org.yuxun.organization.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yuxun.organization.VenueKind;

/** A classroom, 实训基地, enterprise site or online room, owned by one institution or one enterprise. */
@Table("venue")
record Venue(@Id Long id, String name, VenueKind kind, Long institutionId, Long enterpriseId, String address,
             Integer capacity, boolean active, @Version Integer version, Instant updatedAt) {

    static Venue register(VenueStore.Details d, Long institutionId, Long enterpriseId) {
        return new Venue(null, d.name(), d.kind(), institutionId, enterpriseId, d.address(), d.capacity(), true,
                null, Instant.now());
    }

    /** The owner never changes: sessions already held there belong to the owner's records. */
    Venue edit(VenueStore.Details d, int expectedVersion) {
        return new Venue(id, d.name(), d.kind(), institutionId, enterpriseId, d.address(), d.capacity(), active,
                expectedVersion, Instant.now());
    }

    Venue withActive(boolean newActive, int expectedVersion) {
        return new Venue(id, name, kind, institutionId, enterpriseId, address, capacity, newActive,
                expectedVersion, Instant.now());
    }
}
