package org.yuxun.organization.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.organization.VenueKind;
import org.yuxun.organization.VenueManagement;
import org.yuxun.organization.VenueManagement.VenueFilter;
import org.yuxun.organization.VenueManagement.VenueView;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;

@Controller
@RequestMapping("/venues")
class VenueController {

    private static final String FORM = "organization/venue-form";

    private final VenueManagement venues;

    VenueController(VenueManagement venues) {
        this.venues = venues;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", VenueKind.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VENUE_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) VenueKind kind,
                @RequestParam(required = false) Boolean active, @RequestParam(required = false) Long institutionId,
                @RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) Integer page,
                Model model) {
        VenueFilter filter = new VenueFilter(q, kind, institutionId, enterpriseId, active);
        model.addAttribute("page", venues.search(filter, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("active", active);
        model.addAttribute("institutionId", institutionId);
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("ownOrganisation", venues.ownerFor(null, null).isPresent());
        return "organization/venues";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('VENUE_CREATE')")
    String createForm(@RequestParam(required = false) Long institutionId,
                      @RequestParam(required = false) Long enterpriseId, Model model) {
        return form(VenueForm.empty(institutionId, enterpriseId), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('VENUE_CREATE')")
    String create(@ModelAttribute("venueForm") VenueForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = venues.create(form.command());
                flash.addFlashAttribute("saved", true);
                return "redirect:/venues/" + id;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('VENUE_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("venue", venues.get(id));
        return "organization/venue";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('VENUE_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        VenueView venue = venues.get(id);
        return form(VenueForm.of(venue), venue, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('VENUE_EDIT')")
    String edit(@PathVariable long id, @ModelAttribute("venueForm") VenueForm form, BindingResult result,
                Model model, RedirectAttributes flash) {
        VenueView venue = venues.get(id);
        if (!result.hasErrors()) {
            try {
                venues.edit(id, form.command());
                flash.addFlashAttribute("saved", true);
                return "redirect:/venues/" + id;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            } catch (OptimisticLockingFailureException e) {
                result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            }
        }
        return form(form, venue, model);
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('VENUE_DEACTIVATE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version,
                     RedirectAttributes flash) {
        try {
            venues.setActive(id, active, version);
            flash.addFlashAttribute("saved", true);
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("stale", true);
        }
        return "redirect:/venues/" + id;
    }

    private String form(VenueForm form, VenueView venue, Model model) {
        FormModel.put(model, "venueForm", form);
        model.addAttribute("venue", venue);
        model.addAttribute("ownerName", venue != null ? venue.ownerName()
                : venues.ownerFor(form.institutionId(), form.enterpriseId())
                        .map(VenueManagement.Owner::name).orElse(null));
        return FORM;
    }
}
