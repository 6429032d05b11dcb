package org.yuxun.shared;

/**
 * The level of a GB/T 2260 administrative division code: {@code XX0000} province, {@code XXXX00} prefecture-level
 * city, anything else county-level.
 */
public enum RegionLevel {
    /** 省级: province, autonomous region, municipality or SAR ({@code XX0000}). */
    PROVINCE("省级"),
    /** 地级: prefecture-level city, prefecture, league ({@code XXXX00}). */
    CITY("地级"),
    /** 县级: county, district, county-level city, banner. */
    COUNTY("县级");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    /** The Chinese label shown in forms and exports. */
    public String label() {
        return label;
    }
}
