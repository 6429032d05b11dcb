package org.yuxun.organization.web;

import org.yuxun.organization.EnterpriseManagement.EnterpriseCommand;
import org.yuxun.organization.EnterpriseManagement.EnterpriseView;
import org.yuxun.organization.EnterpriseSize;

/**
 * The enterprise form. Every rule is checked by {@link org.yuxun.organization.EnterpriseManagement}, which
 * answers with field-level refusals; the form only carries what was typed.
 */
record EnterpriseForm(
        String name,
        String creditCode,
        String regionCode,
        String industryCode,
        EnterpriseSize size,
        Boolean industryEducationCertified,
        String address,
        String contactName,
        String contactPhone,
        Integer version) {

    static EnterpriseForm empty() {
        return new EnterpriseForm("", "", "", "", null, false, "", "", "", null);
    }

    static EnterpriseForm of(EnterpriseView view) {
        return new EnterpriseForm(view.name(), view.creditCode(), view.regionCode(),
                view.industry() == null ? "" : view.industry().code(), view.size(),
                view.industryEducationCertified(), view.address(), view.contactName(), view.contactPhone(),
                view.version());
    }

    EnterpriseCommand command() {
        return new EnterpriseCommand(name, creditCode, regionCode, industryCode, size, industryEducationCertified,
                address, contactName, contactPhone, version);
    }
}
