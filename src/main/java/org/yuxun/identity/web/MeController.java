package org.yuxun.identity.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.identity.CurrentUser;

/** Who an API token acts for, so an integrating system can check its token before it relies on it. */
@RestController
class MeController {

    /** The organisation the account belongs to; {@code id} and {@code name} are absent for the platform. */
    record Organisation(CurrentUser.OrgKind kind, Long id, String name) {
    }

    /**
     * The token's owner as the API sees them.
     *
     * @param dataScope the kind of data scope every request with this token runs in, e.g. {@code INSTITUTION}
     */
    record Me(String username, String displayName, List<String> roles, List<String> permissions,
              Organisation organisation, String dataScope) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                user.permissions().stream().sorted().map(Enum::name).toList(),
                new Organisation(user.orgKind(), user.orgId(),
                        user.orgName() == null || user.orgName().isEmpty() ? null : user.orgName()),
                user.dataScope().kind().name());
    }
}
