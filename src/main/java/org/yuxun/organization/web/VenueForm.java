package org.yuxun.organization.web;

import org.yuxun.organization.VenueKind;
import org.yuxun.organization.VenueManagement.VenueCommand;
import org.yuxun.organization.VenueManagement.VenueView;

/**
 * The venue form. Every rule is checked by {@link org.yuxun.organization.VenueManagement}, which answers with
 * field-level refusals; the form only carries what was typed.
 */
record VenueForm(
        String name,
        VenueKind kind,
        Long institutionId,
        Long enterpriseId,
        String address,
        Integer capacity,
        Integer version) {

    static VenueForm empty(Long institutionId, Long enterpriseId) {
        return new VenueForm("", null, institutionId, enterpriseId, "", null, null);
    }

    static VenueForm of(VenueView view) {
        return new VenueForm(view.name(), view.kind(), view.institutionId(), view.enterpriseId(), view.address(),
                view.capacity(), view.version());
    }

    VenueCommand command() {
        return new VenueCommand(name, kind, institutionId, enterpriseId, address, capacity, version);
    }
}
