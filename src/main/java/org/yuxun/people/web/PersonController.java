package org.yuxun.people.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.PersonView;
import org.yuxun.people.Relation;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Masking;
import org.yuxun.shared.Page;
import org.yuxun.shared.ScopedPrincipal;
import org.yuxun.shared.Sex;
import org.yuxun.shared.web.Forms;

/**
 * The person pages. Document numbers and phones appear masked everywhere; the full document number is shown only
 * on request, to holders of {@code PERSON_REVEAL_IDENTITY}, and each time is audited. A search by document number
 * is posted, not put in the address, so the number does not end up in browser history, proxies or access logs.
 */
@Controller
@RequestMapping("/persons")
class PersonController {

    private static final String LIST = "people/persons";
    private static final String FORM = "people/person-form";
    private static final String EDIT = "people/person-edit";
    private static final String DETAIL = "people/person";

    private final PersonRegistry registry;

    PersonController(PersonRegistry registry) {
        this.registry = registry;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("sexes", Sex.values());
    }

    /** Filters that do not parse (an unknown document type in a hand-written address) are ignored. */
    @GetMapping
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String list(@ModelAttribute("search") PersonSearch search, BindingResult ignoredUnparsableFilters, Model model) {
        return showList(search, Page.clamp(search.page()), model);
    }

    /**
     * The search form posts here. A name search is redirected to the bookmarkable list address; a document
     * number is answered directly, so it never becomes part of an address.
     */
    @PostMapping("/search")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String search(@ModelAttribute("search") PersonSearch search, BindingResult ignoredUnparsableFilters,
                  Model model) {
        if (search.byDocumentNumber()) {
            return showList(search, 0, model);
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/persons");
        if (search.q() != null && !search.q().isBlank()) {
            uri.queryParam("q", search.q().trim());
        }
        if (search.documentType() != null) {
            uri.queryParam("documentType", search.documentType());
        }
        if (search.sex() != null) {
            uri.queryParam("sex", search.sex());
        }
        return "redirect:" + uri.encode().build().toUriString();
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PERSON_CREATE')")
    String createForm(@AuthenticationPrincipal ScopedPrincipal principal, Model model) {
        Optional<OrgRef> org = OrgRef.of(principal.dataScope());
        model.addAttribute("form", PersonForm.empty(org.map(PersonController::defaultRelation).orElse(null)));
        return showForm(org, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERSON_CREATE')")
    String create(@ModelAttribute("form") PersonForm form, BindingResult result,
                  @AuthenticationPrincipal ScopedPrincipal principal, Model model, RedirectAttributes flash) {
        Optional<OrgRef> org = OrgRef.of(principal.dataScope());
        OrgRelation relation = null;
        try {
            relation = org.map(o -> new OrgRelation(o, form.relation())).orElse(null);
        } catch (InvalidInput e) {
            Forms.reject(result, e);
        }
        try {
            form.command().validate();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
        }
        if (result.hasErrors()) {
            return showForm(org, model);
        }
        try {
            PersonRef ref = registry.register(form.command(), relation);
            flash.addFlashAttribute("outcome", ref.outcome());
            flash.addFlashAttribute("relation", form.relation());
            return "redirect:/persons/" + ref.id();
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return showForm(org, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("person", registry.get(id));
        return DETAIL;
    }

    /** Reveals the full document number: the fragment for htmx, or the whole page without JavaScript. */
    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('PERSON_REVEAL_IDENTITY')")
    String reveal(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        model.addAttribute("person", registry.get(id));
        model.addAttribute("revealedNumber", registry.reveal(id));
        return htmx == null ? DETAIL : DETAIL + " :: revealedNumber";
    }

    /** Reveals the full contact number, under the same permission and audit as the document number. */
    @PostMapping("/{id}/reveal-phone")
    @PreAuthorize("hasAuthority('PERSON_REVEAL_IDENTITY')")
    String revealPhone(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                       Model model) {
        model.addAttribute("person", registry.get(id));
        model.addAttribute("revealedPhone", registry.revealPhone(id).orElse(""));
        return htmx == null ? DETAIL : DETAIL + " :: revealedPhone";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        PersonView person = registry.get(id);
        model.addAttribute("person", person);
        model.addAttribute("form", PersonEditForm.of(person));
        return EDIT;
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String edit(@PathVariable long id, @ModelAttribute("form") PersonEditForm form, BindingResult result,
                @AuthenticationPrincipal ScopedPrincipal principal, Model model, RedirectAttributes flash) {
        model.addAttribute("person", registry.get(id));
        if (result.hasErrors()) {
            return EDIT;
        }
        try {
            registry.edit(id, form.command(), OrgRef.of(principal.dataScope()).orElse(null));
            flash.addFlashAttribute("saved", true);
            return "redirect:/persons/" + id;
        } catch (InvalidInput e) {
            Forms.reject(result, e);
            return EDIT;
        } catch (OptimisticLockingFailureException e) {
            result.reject("error.concurrentEdit", "该记录已被他人修改，请刷新页面后重新操作。");
            return EDIT;
        }
    }

    private String showList(PersonSearch search, int page, Model model) {
        model.addAttribute("page", registry.search(search.query(), page, Page.DEFAULT_SIZE));
        model.addAttribute("q", search.byDocumentNumber() ? Masking.maskIdentity(search.q()) : search.q());
        model.addAttribute("documentType", search.documentType());
        model.addAttribute("sex", search.sex());
        model.addAttribute("filtered", search.filtered());
        return LIST;
    }

    private String showForm(Optional<OrgRef> org, Model model) {
        model.addAttribute("orgKind", org.map(OrgRef::kind).orElse(null));
        model.addAttribute("relations", org.map(o -> Arrays.stream(Relation.values())
                .filter(r -> r.appliesTo(o.kind())).toList()).orElse(List.of()));
        return FORM;
    }

    private static Relation defaultRelation(OrgRef org) {
        return org.kind() == OrgRef.Kind.ENTERPRISE ? Relation.EMPLOYEE : Relation.LEARNER;
    }

}
