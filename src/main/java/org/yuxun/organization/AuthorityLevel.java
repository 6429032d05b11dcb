package org.yuxun.organization;

/** Administrative level of an authority; the region it governs is of the same level (none for national). */
public enum AuthorityLevel {
    COUNTY,
    CITY,
    PROVINCE,
    NATIONAL
}
