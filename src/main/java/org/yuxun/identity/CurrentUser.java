package org.yuxun.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.ScopedPrincipal;

/**
 * The signed-in user as the rest of the application sees it: who, which roles and permissions, which
 * organisation, and the data scope every query of theirs runs in. It is fixed at sign-in and kept in the session.
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        String passwordHash,
        Set<String> roles,
        Set<Permission> permissions,
        OrgKind orgKind,
        Long orgId,
        String orgName,
        DataScope dataScope,
        boolean enabled,
        boolean locked) implements UserDetails, ScopedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum OrgKind { PLATFORM, AUTHORITY, INSTITUTION, ENTERPRISE, NONE }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        return authorities;
    }

    /** The authority the user works for, or {@code null} if they belong to none. */
    public Long authorityId() {
        return orgKind == OrgKind.AUTHORITY ? orgId : null;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The session keeps no password hash. */
    public CurrentUser withoutPassword() {
        return new CurrentUser(id, username, displayName, "", roles, permissions, orgKind, orgId, orgName, dataScope,
                enabled, locked);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + "]";
    }
}
