package org.yuxun.training.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.shared.Page;

/** The catalogue for provincial platforms and enterprise systems: programmes and classes in the caller's scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "培训项目与培训班")
class CatalogueApi {

    /** A class with its schedule. */
    record ClassWithSessions(ClassManagement.ClassView trainingClass, List<Schedule.SessionView> sessions) {
    }

    private final ProgrammeCatalogue programmes;
    private final ClassManagement classes;
    private final Schedule schedule;

    CatalogueApi(ProgrammeCatalogue programmes, ClassManagement classes, Schedule schedule) {
        this.programmes = programmes;
        this.classes = classes;
        this.schedule = schedule;
    }

    @GetMapping("/programmes")
    @PreAuthorize("hasAuthority('PROGRAMME_VIEW')")
    @Operation(summary = "培训项目列表（按名称或职业查询，按状态、类型、经费方式、领域筛选）")
    Page<ProgrammeCatalogue.ProgrammeRow> programmes(@RequestParam(required = false) String q,
                                                     @RequestParam(required = false) ProgrammeStatus status,
                                                     @RequestParam(required = false) ProgrammeType type,
                                                     @RequestParam(required = false) FundingMode funding,
                                                     @RequestParam(required = false) IndustryField field,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        int pageSize = size == null || size < 1 || size > 200 ? Page.DEFAULT_SIZE : size;
        return programmes.search(new ProgrammeCatalogue.Criteria(q, status, type, funding, field), Page.clamp(page),
                pageSize);
    }

    @GetMapping("/classes/{id}")
    @PreAuthorize("hasAuthority('CLASS_VIEW')")
    @Operation(summary = "培训班及其课表")
    ClassWithSessions trainingClass(@PathVariable long id) {
        return new ClassWithSessions(classes.get(id), schedule.sessions(id));
    }
}
