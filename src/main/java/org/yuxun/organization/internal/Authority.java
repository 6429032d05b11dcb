package org.yuxun.organization.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yuxun.organization.AuthorityKind;
import org.yuxun.organization.AuthorityLevel;

/** 教育行政部门 or 人力资源社会保障部门 governing a region (none for the national level). */
@Table("authority")
record Authority(@Id Long id, String name, AuthorityKind kind, AuthorityLevel level, String regionCode,
                 boolean active, @Version Integer version, Instant updatedAt) {

    static Authority create(String name, AuthorityKind kind, AuthorityLevel level, String regionCode) {
        return new Authority(null, name, kind, level, regionCode, true, null, Instant.now());
    }

    Authority edit(String name, AuthorityKind kind, AuthorityLevel level, String regionCode, int expectedVersion) {
        return new Authority(id, name, kind, level, regionCode, active, expectedVersion, Instant.now());
    }

    Authority withActive(boolean newActive, int expectedVersion) {
        return new Authority(id, name, kind, level, regionCode, newActive, expectedVersion, Instant.now());
    }
}
