package org.yuxun.identity.web;

import java.util.HashSet;
import java.util.Set;

import org.yuxun.identity.UserManagement.UserChanges;
import org.yuxun.identity.UserManagement.UserView;

/** The edit-account form; {@code enabled} is sent only by administrators who may disable accounts. */
record UserEditForm(String displayName, Set<String> roles, Boolean enabled, Integer version) {

    static UserEditForm of(UserView user) {
        return new UserEditForm(user.displayName(), new HashSet<>(user.roles()), user.enabled(), user.version());
    }

    UserChanges command() {
        return new UserChanges(displayName, roles, enabled, version == null ? -1 : version);
    }
}
