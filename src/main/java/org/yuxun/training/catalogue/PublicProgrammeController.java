package org.yuxun.training.catalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.shared.Page;

/** Public programme pages: no sign-in; learners find a programme and go on to enrol in one of its classes. */
@Controller
@RequestMapping("/public/programmes")
class PublicProgrammeController {

    private final PublicCatalogue catalogue;

    PublicProgrammeController(PublicCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) IndustryField field,
                @RequestParam(required = false) DeliveryMode delivery, @RequestParam(required = false) Boolean free,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", catalogue.search(new PublicCatalogue.Criteria(q, region, field, delivery, free),
                Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("industryFields", IndustryField.values());
        model.addAttribute("deliveryModes", DeliveryMode.values());
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("field", field);
        model.addAttribute("delivery", delivery);
        model.addAttribute("free", free);
        return "training/catalogue/public-programmes";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("programme", catalogue.programme(id));
        model.addAttribute("classes", catalogue.openClasses(id));
        return "training/catalogue/public-programme";
    }
}
