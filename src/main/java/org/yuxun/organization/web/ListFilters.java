package org.yuxun.organization.web;

import java.util.StringJoiner;

import org.springframework.ui.Model;
import org.yuxun.organization.Regions;

/** Reads the filters shared by the organisation lists. */
final class ListFilters {

    private ListFilters() {
    }

    /** The filters of an export for its audit entry, e.g. {@code kind=HIGHER_VOCATIONAL region=330100}. */
    static String describe(Object... namesAndValues) {
        StringJoiner description = new StringJoiner(" ");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                description.add(namesAndValues[i] + "=" + value);
            }
        }
        return description.length() == 0 ? "*" : description.toString();
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
