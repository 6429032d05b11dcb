package org.yuxun.demo;

/** The demo organisations later parts of the demo data build on. */
public record DemoContext(long college, long ningboCollege, long technicalSchool, long smartManufacturing,
                          long elderCare, long portLogistics) {
}
