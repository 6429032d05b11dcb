package org.yuxun.demo;

/** A capability's part of the demo data, loaded in the same transaction after the organisations and accounts. */
public interface DemoExtension {

    void load(DemoContext context);
}
