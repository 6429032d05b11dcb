package org.yuxun.organization.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.organization.VenueKind;
import org.yuxun.organization.VenueManagement;
import org.yuxun.organization.VenueManagement.VenueFilter;
import org.yuxun.organization.VenueManagement.VenueView;

@RestController
@RequestMapping("/api/v1/venues")
@Tag(name = "venues", description = "教室、实训基地、企业生产现场和线上课堂")
class VenueApi {

    private final VenueManagement venues;

    VenueApi(VenueManagement venues) {
        this.venues = venues;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VENUE_VIEW')")
    @Operation(summary = "场地列表（调用者数据范围内）")
    PageView<VenueView> list(
            @Parameter(description = "名称或地址的一部分") @RequestParam(required = false) String q,
            @RequestParam(required = false) VenueKind kind,
            @RequestParam(required = false) Long institutionId,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        return PageView.of(venues.search(new VenueFilter(q, kind, institutionId, enterpriseId, active), page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('VENUE_VIEW')")
    @Operation(summary = "一个场地")
    VenueView get(@PathVariable long id) {
        return venues.get(id);
    }
}
