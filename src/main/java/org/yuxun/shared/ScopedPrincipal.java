package org.yuxun.shared;

/** A signed-in principal that knows its data scope; the database layer reads it from the security context. */
public interface ScopedPrincipal {

    DataScope dataScope();
}
