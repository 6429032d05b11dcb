package org.yuxun.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yuxun.identity.RoleManagement;
import org.yuxun.identity.RoleManagement.RoleView;

/**
 * The names of roles as pages show them: a built-in role by its message {@code role.<CODE>} in the reader's
 * language, a custom role by the name its administrator gave it.
 */
@Component
class RoleLabels {

    private final RoleManagement roles;
    private final MessageSource messages;

    RoleLabels(RoleManagement roles, MessageSource messages) {
        this.roles = roles;
        this.messages = messages;
    }

    /** Code → label of every role, built-in ones first. */
    Map<String, String> all() {
        Map<String, String> labels = new LinkedHashMap<>();
        roles.list().forEach(r -> labels.put(r.code(), label(r)));
        return labels;
    }

    String label(RoleView role) {
        return role.builtin()
                ? messages.getMessage("role." + role.code(), null, role.name(), LocaleContextHolder.getLocale())
                : role.name();
    }
}
