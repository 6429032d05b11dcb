package org.yuxun.organization;

/** Where sessions take place: a classroom, a 实训基地 (practical training base), an enterprise site, or online. */
public enum VenueKind {
    CLASSROOM,
    TRAINING_BASE,
    ENTERPRISE_SITE,
    ONLINE;

    /** Whether people come to it, so that it needs an address. */
    public boolean isPhysical() {
        return this != ONLINE;
    }
}
