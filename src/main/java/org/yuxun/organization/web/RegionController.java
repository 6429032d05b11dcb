package org.yuxun.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.organization.Regions;
import org.yuxun.organization.Regions.Region;

@Controller
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    @PreAuthorize("hasAuthority('REGION_VIEW')")
    String browse(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
                  Model model) {
        List<Region> path = new ArrayList<>();
        Optional<Region> current = regions.find(parent);
        while (current.isPresent()) {
            path.addFirst(current.get());
            current = regions.find(current.get().parentCode());
        }
        List<Region> shown = q != null && !q.isBlank() ? regions.search(q, 200)
                : parent == null ? regions.provinces() : regions.children(parent);
        model.addAttribute("path", path);
        model.addAttribute("regions", shown);
        model.addAttribute("q", q);
        return "organization/regions";
    }

    /** Suggestions for the region picker of every form. */
    @GetMapping("/regions/options")
    String options(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("regions", regions.search(q, 30));
        return "organization/region-picker :: options";
    }
}
