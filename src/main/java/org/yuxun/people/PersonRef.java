package org.yuxun.people;

/**
 * A person as the result of a registration or lookup: enough to refer to them and to tell the user what happened.
 *
 * @param id the person's id, the same across all institutions
 * @param name the name as registered
 * @param documentMasked the document number masked ({@code 110101********123X})
 * @param outcome what the call did
 */
public record PersonRef(long id, String name, String documentMasked, Outcome outcome) {

    /** What a registration did, so the page can say "已关联到本单位" rather than "已登记". */
    public enum Outcome {
        /** The person was not on file and has been registered. */
        REGISTERED,
        /** The person was already on file (registered elsewhere) and is now linked to the organisation. */
        LINKED,
        /** The person was already linked to the organisation in this relationship; nothing changed. */
        ALREADY_LINKED,
        /** A lookup found the person. */
        FOUND
    }
}
