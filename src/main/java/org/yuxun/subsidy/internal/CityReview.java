package org.yuxun.subsidy.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.RegionCode;
import org.yuxun.shared.RegionLevel;

/**
 * Which HRSS authority decides on a subsidy: the one of the city where the institution or enterprise lies. Claims:
 * the institution submits and "the city HRSS reviews line by line" (seeds/001 §二(八); the subsidy standard and its
 * payment are the city's, seeds/002 L1249 "各市（地）以上人力资源社会保障部门"); apprenticeship filings go to
 * "所在地人力资源社会保障部门" (seeds/002 L1249), which is the same city authority. A provincial officer whose
 * remit covers the region sees the claim or filing, and the totals, but does not decide on it.
 */
@Component
public class CityReview {

    /** Province-level codes of the municipalities directly under the central government (直辖市). */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    private final OrganizationDirectory organizations;

    CityReview(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    /** Whether the authority (the caller's, {@code null} if they belong to none) decides for the region. */
    public boolean decides(String regionCode, Long authorityId) {
        if (authorityId == null) {
            return false;
        }
        Optional<String> reviewing = reviewingRegion(regionCode);
        return reviewing.isPresent() && organizations.authority(authorityId)
                .filter(a -> "HUMAN_RESOURCES".equals(a.kind()))
                .map(a -> reviewing.get().equals(a.regionCode())).orElse(false);
    }

    /**
     * The region whose HRSS authority decides for this region: its city; the municipality itself for the four
     * municipalities directly under the central government (北京 11, 天津 12, 上海 31, 重庆 50), whose districts and
     * counties sit under "市辖区"/"县" codes that no authority holds; or a county-level unit placed directly under its
     * province (GB/T 2260 digits 3–4 {@code 90}, such as 仙桃市 429004), which has no city above it. None for a
     * province.
     */
    static Optional<String> reviewingRegion(String region) {
        if (region == null || !RegionCode.isValid(region)) {
            return Optional.empty();
        }
        RegionCode code = RegionCode.of(region);
        if (MUNICIPALITIES.contains(code.value().substring(0, 2))) {
            return Optional.of(code.value().substring(0, 2) + "0000");
        }
        if (code.level() == RegionLevel.PROVINCE) {
            return Optional.empty();
        }
        if (code.level() == RegionLevel.COUNTY && code.value().startsWith("90", 2)) {
            return Optional.of(code.value());
        }
        return Optional.of(code.cityCode().orElse(code).value());
    }
}
