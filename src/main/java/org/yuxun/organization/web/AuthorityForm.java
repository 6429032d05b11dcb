package org.yuxun.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yuxun.organization.AuthorityKind;
import org.yuxun.organization.AuthorityLevel;
import org.yuxun.organization.AuthorityManagement.AuthorityCommand;
import org.yuxun.organization.AuthorityManagement.AuthorityView;

record AuthorityForm(
        @NotBlank @Size(max = 100) String name,
        @NotNull AuthorityKind kind,
        @NotNull AuthorityLevel level,
        @Size(max = 6) String regionCode,
        Integer version) {

    static AuthorityForm empty() {
        return new AuthorityForm("", null, null, "", null);
    }

    static AuthorityForm of(AuthorityView view) {
        return new AuthorityForm(view.name(), view.kind(), view.level(), view.regionCode(), view.version());
    }

    AuthorityCommand command() {
        return new AuthorityCommand(name, kind, level, regionCode, version);
    }
}
