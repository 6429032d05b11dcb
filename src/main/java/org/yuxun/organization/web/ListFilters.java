package org.yuxun.organization.web;

import org.springframework.ui.Model;
import org.yuxun.organization.Regions;

/** Reads the filters shared by the organisation lists. */
final class ListFilters {

    private ListFilters() {
    }

    /**
     * The region subtree to filter by. A code that is not on the list is ignored and the page says so, rather
     * than silently showing everything as if it had matched.
     */
    static String regionPrefix(Regions regions, String region, Model model) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return regions.subtreePrefix(region.trim()).orElseGet(() -> {
            model.addAttribute("regionInvalid", true);
            return null;
        });
    }
}
