package org.yuxun.organization.web;

import org.yuxun.organization.InstitutionKind;
import org.yuxun.organization.InstitutionManagement.InstitutionCommand;
import org.yuxun.organization.InstitutionManagement.InstitutionView;

/**
 * The institution form. Every rule is checked by {@link org.yuxun.organization.InstitutionManagement}, which
 * answers with field-level refusals; the form only carries what was typed.
 */
record InstitutionForm(
        String name,
        String shortName,
        InstitutionKind kind,
        String creditCode,
        String regionCode,
        Long supervisingAuthorityId,
        String address,
        String contactName,
        String contactPhone,
        Boolean registeredEvaluator,
        Integer version) {

    static InstitutionForm empty() {
        return new InstitutionForm("", "", null, "", "", null, "", "", "", false, null);
    }

    static InstitutionForm of(InstitutionView view) {
        return new InstitutionForm(view.name(), view.shortName(), view.kind(), view.creditCode(), view.regionCode(),
                view.supervisingAuthorityId(), view.address(), view.contactName(), view.contactPhone(),
                view.registeredEvaluator(), view.version());
    }

    InstitutionCommand command() {
        return new InstitutionCommand(name, shortName, kind, creditCode, regionCode, supervisingAuthorityId, address,
                contactName, contactPhone, registeredEvaluator, version);
    }
}
