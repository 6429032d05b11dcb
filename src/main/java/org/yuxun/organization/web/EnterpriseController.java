package org.yuxun.organization.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
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
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.EnterpriseManagement;
import org.yuxun.organization.EnterpriseManagement.EnterpriseFilter;
import org.yuxun.organization.EnterpriseManagement.EnterpriseView;
import org.yuxun.organization.EnterpriseManagement.Registration;
import org.yuxun.organization.EnterpriseSize;
import org.yuxun.organization.InstitutionManagement;
import org.yuxun.organization.Regions;
import org.yuxun.organization.VenueManagement;
import org.yuxun.organization.VenueManagement.VenueFilter;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;
import org.yuxun.shared.web.Spreadsheet;

@Controller
@RequestMapping("/enterprises")
class EnterpriseController {

    private static final String FORM = "organization/enterprise-form";
    private static final int RELATED = 20;

    private final EnterpriseManagement enterprises;
    private final InstitutionManagement institutions;
    private final VenueManagement venues;
    private final Regions regions;
    private final MessageSource messages;
    private final AuditLog audit;

    EnterpriseController(EnterpriseManagement enterprises, InstitutionManagement institutions,
                         VenueManagement venues, Regions regions, MessageSource messages, AuditLog audit) {
        this.enterprises = enterprises;
        this.institutions = institutions;
        this.venues = venues;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("sizes", EnterpriseSize.values());
        model.addAttribute("industries", enterprises.industries());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) EnterpriseSize size,
                @RequestParam(required = false) Boolean certified, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) Long partnerOf, @RequestParam(required = false) Integer page,
                Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(q, ListFilters.regionPrefix(regions, region, model), industry,
                size, certified, active, partnerOf);
        model.addAttribute("page", enterprises.search(filter, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("industry", industry);
        model.addAttribute("size", size);
        model.addAttribute("certified", certified);
        model.addAttribute("active", active);
        model.addAttribute("partnerOf", partnerOf == null ? null : institutions.find(partnerOf).orElse(null));
        return "organization/enterprises";
    }

    /** The list with the current filters as an Excel workbook. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) EnterpriseSize size,
                @RequestParam(required = false) Boolean certified, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) Long partnerOf, Locale locale, HttpServletResponse response,
                Model model) throws IOException {
        EnterpriseFilter filter = new EnterpriseFilter(q, ListFilters.regionPrefix(regions, region, model), industry,
                size, certified, active, partnerOf);
        List<String> headers = List.of("enterprise.name", "enterprise.creditCode", "enterprise.regionCode",
                        "enterprise.region", "enterprise.industry", "enterprise.size", "enterprise.certified",
                        "enterprise.address", "enterprise.contactName", "enterprise.contactPhone", "common.status")
                .stream()
                .map(key -> messages.getMessage(key, null, locale))
                .toList();
        String yes = messages.getMessage("common.yes", null, locale);
        String no = messages.getMessage("common.no", null, locale);
        audit.record("EXPORT", "Enterprise", null, ListFilters.describe("q", q, "region", region, "industry",
                industry, "size", size, "certified", certified, "active", active, "partnerOf", partnerOf), null, null);
        String title = messages.getMessage("enterprise.list.title", null, locale);
        Spreadsheet.download(response, title);
        try (Spreadsheet sheet = new Spreadsheet(title, headers, List.of(36, 22, 10, 26, 30, 8, 12, 36, 12, 16, 8))) {
            enterprises.each(filter, e -> sheet.row(e.name(), e.creditCode(), e.regionCode(), e.regionName(),
                    e.industry() == null ? null : e.industry().code() + " " + e.industry().label(locale),
                    e.size() == null ? null : messages.getMessage("enterprise.size." + e.size(), null, locale),
                    e.industryEducationCertified() ? yes : no, e.address(), e.contactName(), e.contactPhone(),
                    messages.getMessage(e.active() ? "common.active" : "common.inactive", null, locale)));
            sheet.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('ENTERPRISE_CREATE')")
    String createForm(Model model) {
        return form(EnterpriseForm.empty(), null, model);
    }

    /**
     * Registers an enterprise; for institution staff, a code already on file links their institution to that
     * enterprise instead, and the page says so.
     */
    @PostMapping
    @PreAuthorize("hasAuthority('ENTERPRISE_CREATE')")
    String create(@ModelAttribute("enterpriseForm") EnterpriseForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                Registration registration = enterprises.register(form.command());
                flash.addFlashAttribute(registration.existing() ? "linked" : "saved", true);
                return "redirect:/enterprises/" + registration.id();
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ENTERPRISE_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("enterprise", enterprises.get(id));
        model.addAttribute("partners", enterprises.partnerInstitutions(id));
        model.addAttribute("venues", venues.search(VenueFilter.ofEnterprise(id), 0, RELATED));
        model.addAttribute("canAddVenue", venues.ownerFor(null, id).isPresent());
        return "organization/enterprise";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('ENTERPRISE_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        EnterpriseView enterprise = enterprises.get(id);
        return form(EnterpriseForm.of(enterprise), enterprise, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('ENTERPRISE_EDIT')")
    String edit(@PathVariable long id, @ModelAttribute("enterpriseForm") EnterpriseForm form, BindingResult result,
                Model model, RedirectAttributes flash) {
        EnterpriseView enterprise = enterprises.get(id);
        if (!result.hasErrors()) {
            try {
                enterprises.edit(id, form.command());
                flash.addFlashAttribute("saved", true);
                return "redirect:/enterprises/" + id;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            } catch (OptimisticLockingFailureException e) {
                result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            }
        }
        return form(form, enterprise, model);
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('ENTERPRISE_DEACTIVATE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version,
                     RedirectAttributes flash) {
        try {
            enterprises.setActive(id, active, version);
            flash.addFlashAttribute("saved", true);
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("stale", true);
        }
        return "redirect:/enterprises/" + id;
    }

    private String form(EnterpriseForm form, EnterpriseView enterprise, Model model) {
        FormModel.put(model, "enterpriseForm", form);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("maintainer", EnterpriseManagement.callerMaintainsRegistration());
        model.addAttribute("registersPartner", EnterpriseManagement.callerRegistersPartners());
        return FORM;
    }
}
