package org.yuxun.people;

import org.yuxun.shared.InvalidInput;

/**
 * An organisation's relationship to a person, recorded when it registers or links them.
 *
 * @param org the institution or enterprise
 * @param relation how it knows the person; must {@linkplain Relation#appliesTo apply} to the organisation's kind
 */
public record OrgRelation(OrgRef org, Relation relation) {

    public OrgRelation {
        if (org == null) {
            throw new IllegalArgumentException("org is required");
        }
        if (relation == null) {
            throw new InvalidInput("relation", "person.relation.required", "请选择与本单位的关系");
        }
        if (!relation.appliesTo(org.kind())) {
            throw new InvalidInput("relation", "person.relation.notApplicable", "该关系不适用于本单位");
        }
    }
}
