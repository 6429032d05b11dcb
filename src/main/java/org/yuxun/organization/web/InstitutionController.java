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
import org.yuxun.organization.InstitutionKind;
import org.yuxun.organization.InstitutionManagement;
import org.yuxun.organization.InstitutionManagement.InstitutionFilter;
import org.yuxun.organization.InstitutionManagement.InstitutionView;
import org.yuxun.organization.Regions;
import org.yuxun.organization.VenueManagement;
import org.yuxun.organization.VenueManagement.VenueFilter;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;
import org.yuxun.shared.web.Forms;
import org.yuxun.shared.web.Spreadsheet;

@Controller
@RequestMapping("/institutions")
class InstitutionController {

    private static final String FORM = "organization/institution-form";
    /** How many venues and partners the detail page lists before linking to the full list. */
    private static final int RELATED = 20;

    private final InstitutionManagement institutions;
    private final EnterpriseManagement enterprises;
    private final VenueManagement venues;
    private final Regions regions;
    private final MessageSource messages;
    private final AuditLog audit;

    InstitutionController(InstitutionManagement institutions, EnterpriseManagement enterprises,
                          VenueManagement venues, Regions regions, MessageSource messages, AuditLog audit) {
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.venues = venues;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", InstitutionKind.values());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('INSTITUTION_VIEW')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) InstitutionKind kind,
                @RequestParam(required = false) String region, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) Integer page, Model model) {
        InstitutionFilter filter = new InstitutionFilter(q, kind, ListFilters.regionPrefix(regions, region, model),
                active);
        model.addAttribute("page", institutions.search(filter, Page.clamp(page), Page.DEFAULT_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("region", region);
        model.addAttribute("active", active);
        return "organization/institutions";
    }

    /** The list with the current filters as an Excel workbook. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('INSTITUTION_VIEW')")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) InstitutionKind kind,
                @RequestParam(required = false) String region, @RequestParam(required = false) Boolean active,
                Locale locale, HttpServletResponse response, Model model) throws IOException {
        InstitutionFilter filter = new InstitutionFilter(q, kind, ListFilters.regionPrefix(regions, region, model),
                active);
        List<String> headers = List.of("institution.name", "institution.shortName", "institution.kind",
                        "institution.creditCode", "institution.regionCode", "institution.region",
                        "institution.authority", "institution.address", "institution.contactName",
                        "institution.contactPhone", "institution.registeredEvaluator", "common.status").stream()
                .map(key -> messages.getMessage(key, null, locale))
                .toList();
        String yes = messages.getMessage("common.yes", null, locale);
        String no = messages.getMessage("common.no", null, locale);
        audit.record("EXPORT", "Institution", null,
                ListFilters.describe("q", q, "kind", kind, "region", region, "active", active), null, null);
        Spreadsheet.download(response, messages.getMessage("institution.list.title", null, locale));
        try (Spreadsheet sheet = new Spreadsheet(messages.getMessage("institution.list.title", null, locale),
                headers, List.of(36, 16, 16, 22, 10, 26, 26, 36, 12, 16, 10, 8))) {
            institutions.each(filter, i -> sheet.row(i.name(), i.shortName(),
                    messages.getMessage("institution.kind." + i.kind(), null, locale), i.creditCode(),
                    i.regionCode(), i.regionName(), i.supervisingAuthorityName(), i.address(), i.contactName(),
                    i.contactPhone(), i.registeredEvaluator() ? yes : no,
                    messages.getMessage(i.active() ? "common.active" : "common.inactive", null, locale)));
            sheet.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('INSTITUTION_CREATE')")
    String createForm(Model model) {
        return form(InstitutionForm.empty(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('INSTITUTION_CREATE')")
    String create(@ModelAttribute("institutionForm") InstitutionForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = institutions.create(form.command());
                flash.addFlashAttribute("saved", true);
                return "redirect:/institutions/" + id;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('INSTITUTION_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("institution", institutions.get(id));
        model.addAttribute("venues", venues.search(VenueFilter.ofInstitution(id), 0, RELATED));
        model.addAttribute("partners", enterprises.search(EnterpriseFilter.partnersOf(id), 0, RELATED));
        model.addAttribute("ownInstitution", InstitutionManagement.callerIsInstitutionStaff());
        model.addAttribute("canAddVenue", venues.ownerFor(id, null).isPresent());
        return "organization/institution";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('INSTITUTION_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        InstitutionView institution = institutions.get(id);
        return form(InstitutionForm.of(institution), institution, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('INSTITUTION_EDIT')")
    String edit(@PathVariable long id, @ModelAttribute("institutionForm") InstitutionForm form,
                BindingResult result, Model model, RedirectAttributes flash) {
        InstitutionView institution = institutions.get(id);
        if (!result.hasErrors()) {
            try {
                institutions.edit(id, form.command());
                flash.addFlashAttribute("saved", true);
                return "redirect:/institutions/" + id;
            } catch (InvalidInput e) {
                Forms.reject(result, e);
            } catch (OptimisticLockingFailureException e) {
                result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            }
        }
        return form(form, institution, model);
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('INSTITUTION_DEACTIVATE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version,
                     RedirectAttributes flash) {
        try {
            institutions.setActive(id, active, version);
            flash.addFlashAttribute("saved", true);
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("stale", true);
        }
        return "redirect:/institutions/" + id;
    }

    /** The supervising-authority choices for the kind and region currently in the form (htmx). */
    @GetMapping("/supervisors")
    @PreAuthorize("hasAnyAuthority('INSTITUTION_CREATE', 'INSTITUTION_EDIT')")
    String supervisors(@RequestParam(required = false) InstitutionKind kind,
                       @RequestParam(required = false) String regionCode,
                       @RequestParam(required = false) Long supervisingAuthorityId, Model model) {
        model.addAttribute("supervisors", institutions.supervisorsFor(kind, regionCode, supervisingAuthorityId));
        model.addAttribute("selected", supervisingAuthorityId);
        return "organization/institution-form :: supervisorOptions";
    }

    private String form(InstitutionForm form, InstitutionView institution, Model model) {
        FormModel.put(model, "institutionForm", form);
        model.addAttribute("institution", institution);
        model.addAttribute("locked", institution != null && InstitutionManagement.callerIsInstitutionStaff());
        model.addAttribute("supervisors",
                institutions.supervisorsFor(form.kind(), form.regionCode(), form.supervisingAuthorityId()));
        model.addAttribute("selected", form.supervisingAuthorityId());
        return FORM;
    }
}
