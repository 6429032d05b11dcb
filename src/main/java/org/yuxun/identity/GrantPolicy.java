package org.yuxun.identity;

import java.util.EnumSet;
import java.util.Set;

import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.shared.DataScope;

/**
 * Who may grant which role, and to whom (DESIGN.md, "Data scope, precisely"). Nobody hands out more than they
 * govern: a platform administrator grants any role; an institution administrator only the roles that work inside
 * one institution (institution staff, teachers); an authority officer only roles of their own authority's remit;
 * enterprise HR only enterprise roles. And a role only fits accounts of the organisation its data scope reads: an
 * institution role on an enterprise account would see nothing, so it is refused rather than silently useless.
 */
final class GrantPolicy {

    /** The scope kinds a role may have: every kind a user can hold. */
    static final Set<DataScope.Kind> ROLE_SCOPES = Set.copyOf(EnumSet.of(DataScope.Kind.PLATFORM,
            DataScope.Kind.EDUCATION_AUTHORITY, DataScope.Kind.HRSS_AUTHORITY, DataScope.Kind.INSTITUTION,
            DataScope.Kind.TEACHER, DataScope.Kind.ENTERPRISE, DataScope.Kind.LEARNER));

    private GrantPolicy() {
    }

    /** The scope kinds of the roles a user whose own scope is {@code granter} may grant. */
    static Set<DataScope.Kind> grantableBy(DataScope.Kind granter) {
        return switch (granter) {
            case PLATFORM, SYSTEM -> EnumSet.copyOf(ROLE_SCOPES);
            case INSTITUTION -> EnumSet.of(DataScope.Kind.INSTITUTION, DataScope.Kind.TEACHER);
            case EDUCATION_AUTHORITY, HRSS_AUTHORITY, ENTERPRISE -> EnumSet.of(granter);
            case TEACHER, LEARNER, ANONYMOUS -> EnumSet.noneOf(DataScope.Kind.class);
        };
    }

    /** Whether a granter may choose the organisation of an account freely, or only create accounts in their own. */
    static boolean choosesAnyOrganisation(DataScope.Kind granter) {
        return granter == DataScope.Kind.PLATFORM || granter == DataScope.Kind.SYSTEM;
    }

    /** The kind of organisation an account must belong to for a role of this scope kind to work. */
    static OrgKind organisationFor(DataScope.Kind roleScope) {
        return switch (roleScope) {
            case PLATFORM -> OrgKind.PLATFORM;
            case EDUCATION_AUTHORITY, HRSS_AUTHORITY -> OrgKind.AUTHORITY;
            case INSTITUTION, TEACHER -> OrgKind.INSTITUTION;
            case ENTERPRISE -> OrgKind.ENTERPRISE;
            case LEARNER, SYSTEM, ANONYMOUS -> OrgKind.NONE;
        };
    }

    /**
     * The authority kind ({@code EDUCATION} / {@code HUMAN_RESOURCES}) an authority role needs, or {@code null} for
     * other roles: an education officer's role on an HRSS department would read the wrong remit.
     */
    static String authorityKindFor(DataScope.Kind roleScope) {
        return switch (roleScope) {
            case EDUCATION_AUTHORITY -> "EDUCATION";
            case HRSS_AUTHORITY -> "HUMAN_RESOURCES";
            default -> null;
        };
    }
}
