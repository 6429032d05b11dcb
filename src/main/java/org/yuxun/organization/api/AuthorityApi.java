package org.yuxun.organization.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.organization.AuthorityKind;
import org.yuxun.organization.AuthorityManagement;
import org.yuxun.organization.AuthorityManagement.AuthorityView;

@RestController
@RequestMapping("/api/v1/authorities")
@Tag(name = "authorities", description = "教育行政部门与人力资源社会保障部门")
class AuthorityApi {

    private final AuthorityManagement authorities;

    AuthorityApi(AuthorityManagement authorities) {
        this.authorities = authorities;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AUTHORITY_VIEW')")
    @Operation(summary = "主管部门列表：按名称或行政区划代码搜索，按类型和状态筛选")
    PageView<AuthorityView> list(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) AuthorityKind kind,
                                 @RequestParam(required = false) Boolean active,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        return PageView.of(authorities.search(q, kind, active, page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('AUTHORITY_VIEW')")
    @Operation(summary = "一个主管部门")
    AuthorityView get(@PathVariable long id) {
        return authorities.get(id);
    }
}
