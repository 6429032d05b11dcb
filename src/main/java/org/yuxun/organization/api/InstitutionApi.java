package org.yuxun.organization.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.organization.InstitutionKind;
import org.yuxun.organization.InstitutionManagement;
import org.yuxun.organization.InstitutionManagement.InstitutionCommand;
import org.yuxun.organization.InstitutionManagement.InstitutionFilter;
import org.yuxun.organization.InstitutionManagement.InstitutionView;
import org.yuxun.organization.Regions;

@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "institutions", description = "职业院校、技工院校、职业培训机构和培训评价组织")
class InstitutionApi {

    /**
     * An institution to register or the new state of one. On an update by the institution's own staff, kind,
     * region, supervising authority and evaluator registration may be omitted; they are the authority's.
     */
    record InstitutionRequest(
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(maxLength = 40) String shortName,
            InstitutionKind kind,
            @Schema(description = "统一社会信用代码（GB 32100）") String creditCode,
            @Schema(description = "GB/T 2260 行政区划代码", example = "330106") String regionCode,
            @Schema(description = "主管部门 id：职业院校为教育行政部门，其他为人社部门，且管辖该地区")
            Long supervisingAuthorityId,
            @Schema(maxLength = 200) String address,
            @Schema(maxLength = 50) String contactName,
            String contactPhone,
            Boolean registeredEvaluator,
            @Schema(description = "读取时的 version；提供时若记录已被他人修改则返回 409") Integer version) {

        InstitutionCommand command() {
            return new InstitutionCommand(name, shortName, kind, creditCode, regionCode, supervisingAuthorityId,
                    address, contactName, contactPhone, registeredEvaluator, version);
        }
    }

    private final InstitutionManagement institutions;
    private final Regions regions;

    InstitutionApi(InstitutionManagement institutions, Regions regions) {
        this.institutions = institutions;
        this.regions = regions;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('INSTITUTION_VIEW')")
    @Operation(summary = "院校与机构列表（调用者数据范围内）")
    PageView<InstitutionView> list(
            @Parameter(description = "名称、简称、统一社会信用代码、行政区划代码前缀或地区名称")
            @RequestParam(required = false) String q,
            @RequestParam(required = false) InstitutionKind kind,
            @Parameter(description = "行政区划代码：该地区及其下级") @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        InstitutionFilter filter = new InstitutionFilter(q, kind, RegionFilter.prefix(regions, region), active);
        return PageView.of(institutions.search(filter, page, size));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('INSTITUTION_CREATE')")
    @Operation(summary = "登记院校或机构（须在调用者的管辖范围内）")
    ResponseEntity<InstitutionView> create(@RequestBody InstitutionRequest request) {
        long id = institutions.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/institutions/" + id)).body(institutions.get(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('INSTITUTION_VIEW')")
    @Operation(summary = "一个院校或机构")
    InstitutionView get(@PathVariable long id) {
        return institutions.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('INSTITUTION_EDIT')")
    @Operation(summary = "修改院校或机构")
    InstitutionView update(@PathVariable long id, @RequestBody InstitutionRequest request) {
        institutions.edit(id, request.command());
        return institutions.get(id);
    }
}
