package org.yuxun.organization.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yuxun.organization.EnterpriseSize;

/** An enterprise identified by its 统一社会信用代码, as stored. */
@Table("enterprise")
record Enterprise(@Id Long id, String name, String creditCode, String regionCode, String industryCode,
                  EnterpriseSize size, boolean industryEducationCertified, String address, String contactName,
                  String contactPhone, boolean active, @Version Integer version, Instant updatedAt) {

    /** A new enterprise under an id allocated beforehand (see {@link EnterpriseStore#insert}). */
    static Enterprise register(long id, EnterpriseStore.Details d) {
        return new Enterprise(id, d.name(), d.creditCode(), d.regionCode(), d.industryCode(), d.size(),
                d.industryEducationCertified(), d.address(), d.contactName(), d.contactPhone(), true, null,
                Instant.now());
    }

    Enterprise edit(EnterpriseStore.Details d, int expectedVersion) {
        return new Enterprise(id, d.name(), d.creditCode(), d.regionCode(), d.industryCode(), d.size(),
                d.industryEducationCertified(), d.address(), d.contactName(), d.contactPhone(), active,
                expectedVersion, Instant.now());
    }

    Enterprise withActive(boolean newActive, int expectedVersion) {
        return new Enterprise(id, name, creditCode, regionCode, industryCode, size, industryEducationCertified,
                address, contactName, contactPhone, newActive, expectedVersion, Instant.now());
    }
}
