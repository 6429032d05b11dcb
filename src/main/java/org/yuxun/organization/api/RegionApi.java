package org.yuxun.organization.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.organization.Regions;
import org.yuxun.organization.Regions.Region;

@RestController
@Tag(name = "regions", description = "GB/T 2260 行政区划")
class RegionApi {

    /** A region with its full name ("浙江省 杭州市 西湖区"). */
    record RegionView(String code, String name, String level, String parentCode, String fullName) {
    }

    private final Regions regions;

    RegionApi(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions")
    @PreAuthorize("hasAuthority('REGION_VIEW')")
    @Operation(summary = "行政区划：省级列表、某地区的下级，或按代码/名称搜索")
    PageView<RegionView> list(
            @Parameter(description = "上级行政区划代码；不填则列出省级") @RequestParam(required = false) String parent,
            @Parameter(description = "代码前缀或名称的一部分") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageView.check(page, size);
        List<Region> all = q != null && !q.isBlank() ? regions.search(q, Integer.MAX_VALUE)
                : parent == null || parent.isBlank() ? regions.provinces() : regions.children(parent.trim());
        List<RegionView> rows = all.stream()
                .skip((long) page * size)
                .limit(size)
                .map(r -> new RegionView(r.code(), r.name(), r.level(), r.parentCode(), regions.fullName(r.code())))
                .toList();
        int totalPages = (all.size() + size - 1) / size;
        return new PageView<>(rows, page, size, all.size(), totalPages);
    }
}
