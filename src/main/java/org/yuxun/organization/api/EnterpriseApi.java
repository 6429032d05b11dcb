package org.yuxun.organization.api;

import java.net.URI;
import java.util.List;

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
import org.yuxun.organization.EnterpriseManagement;
import org.yuxun.organization.EnterpriseManagement.EnterpriseCommand;
import org.yuxun.organization.EnterpriseManagement.EnterpriseFilter;
import org.yuxun.organization.EnterpriseManagement.EnterpriseView;
import org.yuxun.organization.EnterpriseManagement.Industry;
import org.yuxun.organization.EnterpriseManagement.PartnerInstitution;
import org.yuxun.organization.EnterpriseManagement.Registration;
import org.yuxun.organization.EnterpriseSize;
import org.yuxun.organization.Regions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "enterprises", description = "企业与产教融合型企业")
class EnterpriseApi {

    /** An enterprise to register, or the new state of one. */
    record EnterpriseRequest(
            @Schema(maxLength = 100) String name,
            @Schema(description = "统一社会信用代码（GB 32100），登记后仅平台管理员可修改") String creditCode,
            @Schema(description = "GB/T 2260 行政区划代码", example = "330110") String regionCode,
            @Schema(description = "GB/T 4754-2017 门类代码 A–T", example = "C") String industryCode,
            EnterpriseSize size,
            @Schema(description = "产教融合型企业；仅平台管理员可设置") Boolean industryEducationCertified,
            @Schema(maxLength = 200) String address,
            @Schema(maxLength = 50) String contactName,
            String contactPhone,
            @Schema(description = "读取时的 version；提供时若记录已被他人修改则返回 409") Integer version) {

        EnterpriseCommand command() {
            return new EnterpriseCommand(name, creditCode, regionCode, industryCode, size,
                    industryEducationCertified, address, contactName, contactPhone, version);
        }
    }

    private final EnterpriseManagement enterprises;
    private final Regions regions;

    EnterpriseApi(EnterpriseManagement enterprises, Regions regions) {
        this.enterprises = enterprises;
        this.regions = regions;
    }

    @GetMapping("/enterprises")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    @Operation(summary = "企业列表（调用者数据范围内；院校只看到本院校的合作企业）")
    PageView<EnterpriseView> list(
            @Parameter(description = "名称、统一社会信用代码、行政区划代码前缀或地区名称")
            @RequestParam(required = false) String q,
            @Parameter(description = "行政区划代码：该地区及其下级") @RequestParam(required = false) String region,
            @Parameter(description = "GB/T 4754 门类代码") @RequestParam(required = false) String industry,
            @RequestParam(required = false) EnterpriseSize size,
            @Parameter(description = "是否产教融合型企业") @RequestParam(required = false) Boolean certified,
            @RequestParam(required = false) Boolean active,
            @Parameter(description = "只列某院校的合作企业") @RequestParam(required = false) Long partnerOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "20") int pageSize) {
        PageView.check(page, pageSize);
        EnterpriseFilter filter = new EnterpriseFilter(q, RegionFilter.prefix(regions, region), industry, size,
                certified, active, partnerOf);
        return PageView.of(enterprises.search(filter, page, pageSize));
    }

    /**
     * For institution staff a code already on file links their institution to that enterprise (200) instead of
     * creating one (201); the rest of the request is then ignored.
     */
    @PostMapping("/enterprises")
    @PreAuthorize("hasAuthority('ENTERPRISE_CREATE')")
    @Operation(summary = "登记企业；院校用户提交已登记的统一社会信用代码时改为关联为合作企业（返回 200）")
    ResponseEntity<EnterpriseView> create(@RequestBody EnterpriseRequest request) {
        Registration registration = enterprises.register(request.command());
        EnterpriseView view = enterprises.get(registration.id());
        return registration.existing() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/enterprises/" + registration.id())).body(view);
    }

    @GetMapping("/enterprises/{id}")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    @Operation(summary = "一个企业")
    EnterpriseView get(@PathVariable long id) {
        return enterprises.get(id);
    }

    @PutMapping("/enterprises/{id}")
    @PreAuthorize("hasAuthority('ENTERPRISE_EDIT')")
    @Operation(summary = "修改企业")
    EnterpriseView update(@PathVariable long id, @RequestBody EnterpriseRequest request) {
        enterprises.edit(id, request.command());
        return enterprises.get(id);
    }

    @GetMapping("/enterprises/{id}/partners")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    @Operation(summary = "企业的合作院校（调用者可知的部分）")
    List<PartnerInstitution> partners(@PathVariable long id) {
        return enterprises.partnerInstitutions(id);
    }

    @GetMapping("/industries")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    @Operation(summary = "GB/T 4754-2017 行业门类")
    List<Industry> industries() {
        return enterprises.industries();
    }
}
