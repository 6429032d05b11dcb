package org.yuxun.identity.web;

import java.util.Set;

import org.yuxun.identity.CurrentUser.OrgKind;
import org.yuxun.identity.UserManagement.NewUser;

/** The new-account form. The rules (username, organisation, roles, password policy) are checked by the facade. */
record UserForm(String username, String displayName, OrgKind orgKind, Long orgId, Set<String> roles,
                String password, String confirmPassword) {

    static UserForm empty() {
        return new UserForm("", "", null, null, Set.of(), "", "");
    }

    NewUser command() {
        return new NewUser(username, displayName, orgKind, orgId, roles, password, confirmPassword);
    }
}
