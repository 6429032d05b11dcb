package org.yuxun.organization.internal;

import org.springframework.stereotype.Component;
import org.yuxun.organization.InstitutionKind;

/**
 * Writes of institutions: optimistic locking by version, and row-level security deciding which rows the caller
 * may write (an officer's {@code WITH CHECK} refuses a kind or region outside the remit).
 */
@Component
public class InstitutionStore {

    /** The validated values of an institution, as they are stored. */
    public record Details(String name, String shortName, InstitutionKind kind, String creditCode, String regionCode,
                          Long supervisingAuthorityId, String address, String contactName, String contactPhone,
                          boolean registeredEvaluator) {
    }

    private final Institutions institutions;

    InstitutionStore(Institutions institutions) {
        this.institutions = institutions;
    }

    public long insert(Details details) {
        return institutions.save(Institution.register(details)).id();
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void update(long id, Details details, int expectedVersion) {
        Institution current = institutions.findById(id).orElseThrow();
        institutions.save(current.edit(details, expectedVersion));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile */
    public void setActive(long id, boolean active, int expectedVersion) {
        Institution current = institutions.findById(id).orElseThrow();
        institutions.save(current.withActive(active, expectedVersion));
    }
}
