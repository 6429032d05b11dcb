package org.yuxun.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A six-digit administrative division code per GB/T 2260《中华人民共和国行政区划代码》: two digits province,
 * two digits prefecture-level city, two digits county. Codes ending in {@code 0000} name a province and codes ending
 * in {@code 00} a city; everything else is county level. Authorities govern a region subtree, which the database
 * selects with {@code region_code LIKE subtreePrefix() || '%'}.
 *
 * <p>Only the province part is checked against the fixed list of GB/T 2260 province codes; whether the full code
 * exists is a question for the region table.
 *
 * @param value the six digits
 */
public record RegionCode(String value) {

    /** The first two digits of every province-level division in GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao). */
    static final Set<String> PROVINCE_PREFIXES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    public RegionCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("region.code.blank", "行政区划代码不能为空");
        }
        if (!value.matches("[0-9]{6}")) {
            throw new InvalidValueException("region.code.format", "行政区划代码应为6位数字");
        }
        if (!PROVINCE_PREFIXES.contains(value.substring(0, 2))) {
            throw new InvalidValueException("region.code.province", "行政区划代码前两位不是有效的省级代码");
        }
    }

    /**
     * Parses what a person typed or an Excel cell held: trims, converts full-width digits and removes spaces.
     *
     * @throws InvalidValueException with code {@code region.code.blank}, {@code .format} or {@code .province}
     */
    public static RegionCode of(String raw) {
        return new RegionCode(Text.compact(raw));
    }

    /** Whether {@link #of(String)} accepts the input. */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** {@code XX0000} is a province, {@code XXXX00} a city, anything else a county. */
    public RegionLevel level() {
        if (value.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        if (value.endsWith("00")) {
            return RegionLevel.CITY;
        }
        return RegionLevel.COUNTY;
    }

    /** The province this code lies in ({@code XX0000}); a province returns itself. */
    public RegionCode provinceCode() {
        return level() == RegionLevel.PROVINCE ? this : new RegionCode(value.substring(0, 2) + "0000");
    }

    /**
     * The prefecture-level city this code lies in ({@code XXXX00}); a city returns itself. Empty for a province,
     * and for a county whose digits 3–4 are {@code 00} (one placed directly under its province).
     */
    public Optional<RegionCode> cityCode() {
        if (level() == RegionLevel.CITY) {
            return Optional.of(this);
        }
        String cityPart = value.substring(2, 4);
        if (cityPart.equals("00")) {
            return Optional.empty();
        }
        return Optional.of(new RegionCode(value.substring(0, 4) + "00"));
    }

    /**
     * The prefix every code in this region's subtree starts with: 2 digits for a province, 4 for a city, all 6
     * for a county. Used for {@code LIKE 'prefix%'} queries and the data scope's region.
     */
    public String subtreePrefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    /** Whether {@code other} is this region or lies within it. */
    public boolean contains(RegionCode other) {
        Objects.requireNonNull(other, "other");
        return other.value.startsWith(subtreePrefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
