package org.yuxun.training.assessment;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yuxun.shared.ScopedPrincipal;

/** Who is acting, for the {@code recorded_by} columns; null when the system acts (demo data). */
final class Actors {

    private Actors() {
    }

    static Long currentUserId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.dataScope().userId();
        }
        return null;
    }
}
