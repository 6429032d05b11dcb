package org.yuxun.shared;

/**
 * The kinds of identity document a learner may register with. Residence permits for Hong Kong, Macao and Taiwan
 * residents (国务院办公厅《港澳台居民居住证申领发放办法》, 2018) carry an 18-character number in the GB 11643-1999
 * format, with the address code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
 */
public enum DocumentType {
    RESIDENT_ID_CARD("居民身份证"),
    HK_MACAO_RESIDENCE_PERMIT("港澳居民居住证"),
    TAIWAN_RESIDENCE_PERMIT("台湾居民居住证"),
    PASSPORT("护照"),
    OTHER("其他证件");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** The Chinese label shown in forms and exports. */
    public String label() {
        return label;
    }

    /** Whether numbers of this type follow GB 11643-1999 (and so encode a birth date, sex and checksum). */
    public boolean usesIdentityNumber() {
        return this == RESIDENT_ID_CARD || this == HK_MACAO_RESIDENCE_PERMIT || this == TAIWAN_RESIDENCE_PERMIT;
    }
}
