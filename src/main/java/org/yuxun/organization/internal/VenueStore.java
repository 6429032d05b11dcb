package org.yuxun.organization.internal;

import org.springframework.stereotype.Component;
import org.yuxun.organization.VenueKind;

/** Writes of venues: optimistic locking by version, the owner's visibility deciding who may write. */
@Component
public class VenueStore {

    /** The validated values of a venue, as they are stored. */
    public record Details(String name, VenueKind kind, String address, Integer capacity) {
    }

    private final Venues venues;

    VenueStore(Venues venues) {
        this.venues = venues;
    }

    /** Exactly one of the owners is given. */
    public long insert(Details details, Long institutionId, Long enterpriseId) {
        return venues.save(Venue.register(details, institutionId, enterpriseId)).id();
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void update(long id, Details details, int expectedVersion) {
        Venue current = venues.findById(id).orElseThrow();
        venues.save(current.edit(details, expectedVersion));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void setActive(long id, boolean active, int expectedVersion) {
        Venue current = venues.findById(id).orElseThrow();
        venues.save(current.withActive(active, expectedVersion));
    }
}
