package org.yuxun.people;

import java.util.Optional;

import org.yuxun.shared.DataScope;

/**
 * The organisation acting on a person record: an institution or an enterprise, each of which keeps its own
 * relationship and its own contact number for the person.
 *
 * @param kind institution or enterprise
 * @param id the institution's or enterprise's id
 */
public record OrgRef(Kind kind, long id) {

    /** The kinds of organisation a person can be linked to; stored as {@code person_link.org_kind}. */
    public enum Kind { INSTITUTION, ENTERPRISE }

    public OrgRef {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    /**
     * The organisation a signed-in user acts for: institution staff and teachers for their institution, enterprise
     * HR for their enterprise. Platform administrators, authority officers and learners act for none.
     */
    public static Optional<OrgRef> of(DataScope scope) {
        if (scope == null || scope.organisationId() == null) {
            return Optional.empty();
        }
        return switch (scope.kind()) {
            case INSTITUTION, TEACHER -> Optional.of(new OrgRef(Kind.INSTITUTION, scope.organisationId()));
            case ENTERPRISE -> Optional.of(new OrgRef(Kind.ENTERPRISE, scope.organisationId()));
            default -> Optional.empty();
        };
    }

    /** This organisation in the given relationship to a person. */
    public OrgRelation as(Relation relation) {
        return new OrgRelation(this, relation);
    }
}
