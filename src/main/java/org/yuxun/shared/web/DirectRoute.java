package org.yuxun.shared.web;

/**
 * A route answered by a servlet filter after the security filters instead of by a handler mapping: a hot path where
 * the MVC dispatcher's own work (argument resolution, content negotiation, return-value handling) was a large part
 * of the request. Security applies as for every other page; lists of the application's routes include these.
 */
public interface DirectRoute {

    /** The HTTP method, {@code GET}. */
    String method();

    /** The path, as a handler mapping would declare it. */
    String path();
}
