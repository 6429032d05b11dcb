package org.yuxun.identity;

import static org.yuxun.identity.Permission.*;

import java.util.EnumSet;
import java.util.Set;

import org.yuxun.shared.DataScope;

/**
 * The roles of DESIGN.md ("Who uses it") with the permissions they start with. Administrators may change the
 * permissions of any role and add roles of their own; the data scope kind of a role is fixed.
 */
public enum BuiltinRole {
    PLATFORM_ADMIN(DataScope.Kind.PLATFORM, EnumSet.allOf(Permission.class)),
    EDUCATION_OFFICER(DataScope.Kind.EDUCATION_AUTHORITY, EnumSet.of(REGION_VIEW, AUTHORITY_VIEW, INSTITUTION_VIEW,
            INSTITUTION_CREATE, INSTITUTION_EDIT, INSTITUTION_DEACTIVATE, ENTERPRISE_VIEW, VENUE_VIEW, PERSON_VIEW,
            USER_VIEW, AUDIT_VIEW, API_TOKEN_MANAGE)),
    HRSS_OFFICER(DataScope.Kind.HRSS_AUTHORITY, EnumSet.of(REGION_VIEW, AUTHORITY_VIEW, INSTITUTION_VIEW,
            INSTITUTION_CREATE, INSTITUTION_EDIT, INSTITUTION_DEACTIVATE, ENTERPRISE_VIEW, VENUE_VIEW, PERSON_VIEW,
            PERSON_REVEAL_IDENTITY, USER_VIEW, AUDIT_VIEW, API_TOKEN_MANAGE)),
    INSTITUTION_ADMIN(DataScope.Kind.INSTITUTION, EnumSet.of(REGION_VIEW, AUTHORITY_VIEW, INSTITUTION_VIEW,
            INSTITUTION_EDIT, ENTERPRISE_VIEW, ENTERPRISE_CREATE, ENTERPRISE_EDIT, VENUE_VIEW, VENUE_CREATE,
            VENUE_EDIT, VENUE_DEACTIVATE, PERSON_VIEW, PERSON_CREATE, PERSON_EDIT, PERSON_REVEAL_IDENTITY, USER_VIEW,
            USER_CREATE, USER_EDIT, USER_DISABLE, USER_RESET_PASSWORD, ROLE_VIEW, AUDIT_VIEW, API_TOKEN_MANAGE)),
    TRAINING_OFFICER(DataScope.Kind.INSTITUTION, EnumSet.of(REGION_VIEW, AUTHORITY_VIEW, INSTITUTION_VIEW,
            ENTERPRISE_VIEW, ENTERPRISE_CREATE, ENTERPRISE_EDIT, VENUE_VIEW, VENUE_CREATE, VENUE_EDIT, PERSON_VIEW,
            PERSON_CREATE, PERSON_EDIT, API_TOKEN_MANAGE)),
    TEACHER(DataScope.Kind.TEACHER, EnumSet.of(REGION_VIEW, INSTITUTION_VIEW, VENUE_VIEW)),
    ENTERPRISE_HR(DataScope.Kind.ENTERPRISE, EnumSet.of(REGION_VIEW, ENTERPRISE_VIEW, ENTERPRISE_EDIT, VENUE_VIEW,
            VENUE_CREATE, VENUE_EDIT, PERSON_VIEW, PERSON_CREATE, PERSON_EDIT, API_TOKEN_MANAGE)),
    LEARNER(DataScope.Kind.LEARNER, EnumSet.noneOf(Permission.class));

    private final DataScope.Kind scopeKind;
    private final Set<Permission> defaults;

    BuiltinRole(DataScope.Kind scopeKind, Set<Permission> defaults) {
        this.scopeKind = scopeKind;
        this.defaults = defaults;
    }

    public DataScope.Kind scopeKind() {
        return scopeKind;
    }

    public Set<Permission> defaults() {
        return defaults;
    }
}
