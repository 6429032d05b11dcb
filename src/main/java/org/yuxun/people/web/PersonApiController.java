package org.yuxun.people.web;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.PersonSummary;
import org.yuxun.people.PersonView;
import org.yuxun.people.Relation;
import org.yuxun.shared.Page;
import org.yuxun.shared.ScopedPrincipal;

/**
 * Persons for provincial platforms and enterprise systems. Every answer holds masked numbers only, except the
 * reveal, which needs {@code PERSON_REVEAL_IDENTITY} and is audited. Errors are Problem Details with field
 * messages.
 */
@RestController
@RequestMapping("/api/v1/persons")
class PersonApiController {

    static final int MAX_PAGE_SIZE = 100;

    /** The full document number of one person; Spring logs response bodies at trace level, so toString hides it. */
    record Revealed(long id, String documentNumber) {

        @Override
        public String toString() {
            return "Revealed[id=" + id + "]";
        }
    }

    private final PersonRegistry registry;

    PersonApiController(PersonRegistry registry) {
        this.registry = registry;
    }

    /**
     * Persons in the caller's data scope; {@code q} is part of a name or a complete document number. To search by
     * document number, prefer {@code POST /api/v1/persons/search}: a query string ends up in access and proxy logs.
     */
    @GetMapping
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    Page<PersonSummary> search(@ModelAttribute PersonSearch search) {
        return find(search);
    }

    /** The same search with the criteria in the body: the way to search by document number. */
    @PostMapping("/search")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    Page<PersonSummary> searchPosted(@RequestBody PersonSearch search) {
        return find(search);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    PersonView get(@PathVariable long id) {
        return registry.get(id);
    }

    /**
     * Registers a person for the caller's organisation, or links the person already on file: {@code 201} with
     * the new person's address when registered, {@code 200} when the document was on file.
     */
    @PostMapping
    @PreAuthorize("hasAuthority('PERSON_CREATE')")
    ResponseEntity<PersonRef> register(@RequestBody RegisterPersonRequest request,
                                       @AuthenticationPrincipal ScopedPrincipal principal) {
        Optional<OrgRef> org = OrgRef.of(principal.dataScope());
        OrgRelation relation = org.map(o -> new OrgRelation(o, request.relationOr(
                o.kind() == OrgRef.Kind.ENTERPRISE ? Relation.EMPLOYEE : Relation.LEARNER))).orElse(null);
        PersonRef ref = registry.register(request.command(), relation);
        if (ref.outcome() == PersonRef.Outcome.REGISTERED) {
            return ResponseEntity.created(URI.create("/api/v1/persons/" + ref.id())).body(ref);
        }
        return ResponseEntity.ok(ref);
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('PERSON_REVEAL_IDENTITY')")
    Revealed reveal(@PathVariable long id) {
        return new Revealed(id, registry.reveal(id));
    }

    private Page<PersonSummary> find(PersonSearch search) {
        int size = search.size() == null || search.size() <= 0 ? Page.DEFAULT_SIZE
                : Math.min(search.size(), MAX_PAGE_SIZE);
        return registry.search(search.query(), Page.clamp(search.page()), size);
    }
}
