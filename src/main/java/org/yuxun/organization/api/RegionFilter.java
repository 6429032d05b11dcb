package org.yuxun.organization.api;

import org.yuxun.organization.Regions;
import org.yuxun.shared.InvalidInput;

/** The {@code region} filter of the API lists: a region on the list, meaning it and everything below it. */
final class RegionFilter {

    private RegionFilter() {
    }

    static String prefix(Regions regions, String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return regions.subtreePrefix(region.trim())
                .orElseThrow(() -> new InvalidInput("region", "region.code.unknown", "行政区划代码不存在"));
    }
}
