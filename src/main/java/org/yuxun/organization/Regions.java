package org.yuxun.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.InvalidValueException;
import org.yuxun.shared.RegionCode;

/**
 * The GB/T 2260 region tree, held in memory: it is reference data of some three thousand rows that every form
 * and list needs.
 */
@Service
public class Regions {

    /** One region with its place in the tree. */
    public record Region(String code, String name, String level, String parentCode) {
    }

    private final JdbcClient jdbc;
    private volatile Map<String, Region> byCode;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<String, Region> all() {
        Map<String, Region> regions = byCode;
        if (regions == null) {
            Map<String, Region> loaded = new LinkedHashMap<>();
            jdbc.sql("select code, name, level, parent_code from region order by code")
                    .query(Region.class)
                    .list()
                    .forEach(r -> loaded.put(r.code(), r));
            regions = Collections.unmodifiableMap(loaded);
            byCode = regions;
        }
        return regions;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : all().get(code.trim()));
    }

    /** "浙江省 杭州市 西湖区" for a county code; the empty string for an unknown code. */
    public String fullName(String code) {
        List<String> names = new ArrayList<>();
        Optional<Region> region = find(code);
        while (region.isPresent()) {
            names.addFirst(region.get().name());
            region = find(region.get().parentCode());
        }
        return String.join(" ", names);
    }

    public List<Region> provinces() {
        return all().values().stream().filter(r -> r.parentCode() == null).toList();
    }

    public List<Region> children(String parentCode) {
        return all().values().stream().filter(r -> parentCode != null && parentCode.equals(r.parentCode())).toList();
    }

    /** Regions whose code or name contains the text, for pickers. */
    public List<Region> search(String text, int limit) {
        String q = text == null ? "" : text.trim();
        return all().values().stream()
                .filter(r -> q.isEmpty() || r.code().startsWith(q) || r.name().contains(q)
                        || fullName(r.code()).contains(q))
                .limit(limit)
                .toList();
    }

    /**
     * For list filters: the prefix of the subtree of a region on the list ({@code 33} for 浙江省, {@code 3301} for
     * 杭州市, all six digits for a county); empty for a code that is malformed or not on the list.
     */
    public Optional<String> subtreePrefix(String code) {
        return find(code).map(r -> RegionCode.of(r.code()).subtreePrefix());
    }

    /**
     * A code that is well formed and on the list, or the refusal for the given form field.
     *
     * @throws InvalidInput naming {@code field}
     */
    public RegionCode require(String field, String code) {
        RegionCode region;
        try {
            region = RegionCode.of(code);
        } catch (InvalidValueException e) {
            throw InvalidInput.at(field, e);
        }
        if (!all().containsKey(region.value())) {
            throw new InvalidInput(field, "region.code.unknown", "行政区划代码不存在");
        }
        return region;
    }
}
