package org.yuxun.identity.web;

import java.util.Locale;

import org.yuxun.identity.RoleManagement.NewRole;
import org.yuxun.shared.DataScope;

/** The new-role form. */
record RoleForm(String code, String name, DataScope.Kind scopeKind) {

    static RoleForm empty() {
        return new RoleForm("", "", null);
    }

    NewRole command() {
        return new NewRole(code == null ? null : code.trim().toUpperCase(Locale.ROOT), name, scopeKind);
    }
}
