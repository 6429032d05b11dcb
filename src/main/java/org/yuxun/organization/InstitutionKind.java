package org.yuxun.organization;

/**
 * The kinds of institution in GLOSSARY.md. 职业院校 are supervised by education authorities; 技工院校, training
 * providers and evaluation organisations by HR and social security authorities.
 */
public enum InstitutionKind {
    SECONDARY_VOCATIONAL,
    HIGHER_VOCATIONAL,
    VOCATIONAL_UNDERGRADUATE,
    TECHNICAL_SCHOOL,
    SENIOR_TECHNICAL_SCHOOL,
    TECHNICIAN_COLLEGE,
    TRAINING_PROVIDER,
    EVALUATION_ORGANISATION;

    /** 职业院校: the education authorities' remit. */
    public boolean isVocationalCollege() {
        return this == SECONDARY_VOCATIONAL || this == HIGHER_VOCATIONAL || this == VOCATIONAL_UNDERGRADUATE;
    }

    /** The kind of authority that supervises institutions of this kind. */
    public AuthorityKind supervisedBy() {
        return isVocationalCollege() ? AuthorityKind.EDUCATION : AuthorityKind.HUMAN_RESOURCES;
    }
}
