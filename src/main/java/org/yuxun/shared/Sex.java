package org.yuxun.shared;

/**
 * A person's sex as recorded on the identity document; GB 11643-1999 encodes it in the 17th digit of the
 * citizen identity number (odd = male, even = female).
 */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** The Chinese label shown in forms and exports. */
    public String label() {
        return label;
    }
}
